package org.probity.oversight;

/**
 * The count of one committee vote, and the committee's rule for what it means. Plain Java, no
 * Spring: every process in which the committee votes uses this class, so the rule is written once.
 *
 * <p>The rule, exactly:
 *
 * <ol>
 *   <li><b>Participants</b> are the eligible members minus the recused ones. Recused members do not
 *       vote and do not count anywhere.
 *   <li><b>Votes cast</b> are for + against + abstentions. A member who did not vote is not counted.
 *   <li>The <b>quorum</b> is reached when the votes cast reach {@link Quorum#votesRequired(int)} of
 *       the participants (default: strictly more than half of them). Abstentions count for the
 *       quorum. With no participants the quorum is never reached.
 *   <li>The proposal is <b>adopted</b> when the quorum is reached and the votes for are strictly
 *       more than the votes against. Abstentions do not count for the majority; a tie, or a vote of
 *       abstentions only, is not adopted.
 * </ol>
 *
 * @param eligible members entitled to take part (for example the committee's members), at least 0
 * @param recused members recused from this matter, between 0 and {@code eligible}
 * @param votesFor votes for
 * @param votesAgainst votes against
 * @param abstentions explicit abstentions
 * @throws IllegalArgumentException when a number is negative, more are recused than eligible, or
 *     more votes are cast than there are participants
 */
public record VoteCount(int eligible, int recused, int votesFor, int votesAgainst, int abstentions) {

  /** What a vote came to. */
  public enum Outcome {
    /** Quorum reached and more votes for than against. */
    ADOPTED,
    /** Quorum reached, but not more votes for than against. */
    REJECTED,
    /** Too few votes cast: the vote does not count either way. */
    NO_QUORUM
  }

  public VoteCount {
    if (eligible < 0 || recused < 0 || votesFor < 0 || votesAgainst < 0 || abstentions < 0) {
      throw new IllegalArgumentException("Vote counts must not be negative");
    }
    if (recused > eligible) {
      throw new IllegalArgumentException("More members recused (" + recused + ") than eligible (" + eligible + ")");
    }
    if (votesFor + votesAgainst + abstentions > eligible - recused) {
      throw new IllegalArgumentException(
          "More votes cast (" + (votesFor + votesAgainst + abstentions) + ") than participating members ("
              + (eligible - recused) + ")");
    }
  }

  /** Members who take part: eligible minus recused. */
  public int participants() {
    return eligible - recused;
  }

  /** Votes cast, abstentions included. */
  public int votesCast() {
    return votesFor + votesAgainst + abstentions;
  }

  /** Whether enough participants voted (abstentions count) under the given quorum. */
  public boolean quorumReached(Quorum quorum) {
    return participants() > 0 && votesCast() >= quorum.votesRequired(participants());
  }

  /** Whether the proposal is adopted: quorum reached and more votes for than against. */
  public boolean adopted(Quorum quorum) {
    return quorumReached(quorum) && votesFor > votesAgainst;
  }

  /** {@link Outcome#NO_QUORUM}, {@link Outcome#ADOPTED} or {@link Outcome#REJECTED}. */
  public Outcome outcome(Quorum quorum) {
    if (!quorumReached(quorum)) {
      return Outcome.NO_QUORUM;
    }
    return adopted(quorum) ? Outcome.ADOPTED : Outcome.REJECTED;
  }
}
