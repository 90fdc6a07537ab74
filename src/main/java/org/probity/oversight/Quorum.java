package org.probity.oversight;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many of the participating (non-recused) members must cast a vote, abstentions included, for
 * a vote of the committee to count.
 *
 * <p>A quorum is a fraction of the participants, either "more than" it or "at least" it. The
 * default, {@link #moreThanHalf()}, needs strictly more than half of the participants: 3 of 4, 3 of
 * 5, 1 of 1. Configuration uses {@link #parse(String)}: {@code more-than-half},
 * {@code more-than:2/3}, {@code at-least:2/3}, {@code at-least:1/1} (everyone).
 *
 * <p>Immutable and thread-safe; no Spring needed.
 *
 * @param numerator the fraction's numerator, at least 0
 * @param denominator the fraction's denominator, at least 1, not below the numerator
 * @param strict true for "more than" the fraction, false for "at least" it
 */
public record Quorum(int numerator, int denominator, boolean strict) {

  private static final Pattern FRACTION = Pattern.compile("(more-than|at-least):(\\d{1,3})/(\\d{1,3})");

  public Quorum {
    if (denominator < 1 || numerator < 0 || numerator > denominator) {
      throw new IllegalArgumentException(
          "A quorum is a fraction between 0 and 1; got " + numerator + "/" + denominator);
    }
    if (strict && numerator == denominator) {
      throw new IllegalArgumentException("A quorum of more than all members can never be reached");
    }
  }

  /** The default: strictly more than half of the participating members. */
  public static Quorum moreThanHalf() {
    return new Quorum(1, 2, true);
  }

  /** At least {@code numerator/denominator} of the participating members. */
  public static Quorum atLeast(int numerator, int denominator) {
    return new Quorum(numerator, denominator, false);
  }

  /** Strictly more than {@code numerator/denominator} of the participating members. */
  public static Quorum moreThan(int numerator, int denominator) {
    return new Quorum(numerator, denominator, true);
  }

  /**
   * Reads a configured quorum: {@code more-than-half}, {@code more-than:N/D} or
   * {@code at-least:N/D}.
   *
   * @throws IllegalArgumentException naming the accepted forms when the text is none of them
   */
  public static Quorum parse(String text) {
    String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (value.equals("more-than-half")) {
      return moreThanHalf();
    }
    Matcher matcher = FRACTION.matcher(value);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "Unknown quorum '" + text + "': use more-than-half, more-than:N/D or at-least:N/D");
    }
    return new Quorum(
        Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)), matcher.group(1).equals("more-than"));
  }

  /**
   * The smallest number of votes cast (for, against and abstentions) that reaches this quorum
   * among {@code participants} members; never less than 1, so an empty vote never counts.
   */
  public int votesRequired(int participants) {
    if (participants < 0) {
      throw new IllegalArgumentException("participants must not be negative");
    }
    // exact integer arithmetic: votes * d > n * p (strict) or votes * d >= n * p
    long product = (long) numerator * participants;
    long required = strict ? product / denominator + 1 : (product + denominator - 1) / denominator;
    return (int) Math.max(1, required);
  }

  @Override
  public String toString() {
    if (strict && numerator == 1 && denominator == 2) {
      return "more-than-half";
    }
    return (strict ? "more-than:" : "at-least:") + numerator + "/" + denominator;
  }
}
