package org.probity.equality.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.probity.common.forms.Submission;
import org.probity.common.forms.SubmissionRule;
import org.springframework.stereotype.Component;

/**
 * Business rules of a proposal (start form and its revision): a positive budget within the
 * configured maximum, a currency from the configured ISO 4217 list, a duration within bounds, and
 * indicators whose target lies in the indicator's direction from its baseline.
 */
@Component
class ProposalRule implements SubmissionRule {

  static final int INDICATOR_SLOTS = 3;

  private final EqualityProperties properties;

  ProposalRule(EqualityProperties properties) {
    this.properties = properties;
  }

  @Override
  public boolean appliesTo(String processDefinitionKey, String activityId) {
    return EqualityProcess.KEY.equals(processDefinitionKey)
        && (Submission.START.equals(activityId) || EqualityProcess.REVISE_PROPOSAL.equals(activityId));
  }

  @Override
  public Map<String, String> check(Submission submission) {
    // a revision may send only what changed: the rules apply to the proposal as it will stand
    FormValues v = new FormValues(FormValues.asItWillStand(submission));
    Map<String, String> errors = new LinkedHashMap<>();
    checkBudget(v, errors);
    String currency = v.text("currency");
    if (currency != null && !properties.currencies().contains(currency)) {
      errors.put("currency", "'" + currency + "' is not an accepted ISO 4217 currency code; use one of "
          + String.join(", ", properties.currencies()));
    }
    checkDuration(v, errors);
    for (int i = 1; i <= INDICATOR_SLOTS; i++) {
      checkIndicator(v, i, errors);
    }
    return errors;
  }

  private void checkBudget(FormValues v, Map<String, String> errors) {
    BigDecimal budget = number(v, "budget", "budget", errors);
    if (budget == null) {
      return;
    }
    if (budget.signum() <= 0) {
      errors.put("budget", "must be a positive amount (given " + budget.toPlainString() + ")");
    } else if (budget.compareTo(properties.maxBudget()) > 0) {
      errors.put("budget", "exceeds the maximum of "
          + NumberFormat.getIntegerInstance(Locale.ENGLISH).format(properties.maxBudget()) + " for one program (given " + budget.toPlainString() + ")");
    }
  }

  private void checkDuration(FormValues v, Map<String, String> errors) {
    BigDecimal months = number(v, "durationMonths", "duration", errors);
    if (months == null) {
      return;
    }
    int min = properties.minDurationMonths();
    int max = properties.maxDurationMonths();
    if (months.stripTrailingZeros().scale() > 0) {
      errors.put("durationMonths", "must be a whole number of months");
    } else if (months.compareTo(BigDecimal.valueOf(min)) < 0 || months.compareTo(BigDecimal.valueOf(max)) > 0) {
      errors.put("durationMonths", "must be between " + min + " and " + max + " months (given "
          + months.toPlainString() + ")");
    }
  }

  private void checkIndicator(FormValues v, int i, Map<String, String> errors) {
    String prefix = "indicator" + i;
    String label = "Indicator " + i;
    boolean named = v.has(prefix + "Name");
    if (!named) {
      for (String part : new String[] {"Baseline", "Target", "Direction"}) {
        if (v.has(prefix + part)) {
          errors.put(prefix + part, label + ": give the indicator's name, or leave the whole indicator empty");
        }
      }
      return;
    }
    BigDecimal baseline = number(v, prefix + "Baseline", label + " baseline", errors);
    BigDecimal target = number(v, prefix + "Target", label + " target", errors);
    String direction = v.text(prefix + "Direction");
    if (baseline == null && !errors.containsKey(prefix + "Baseline")) {
      errors.put(prefix + "Baseline", label + ": give the baseline");
    }
    if (target == null && !errors.containsKey(prefix + "Target")) {
      errors.put(prefix + "Target", label + ": give the target");
    }
    if (direction == null) {
      errors.put(prefix + "Direction", label + ": say whether the indicator should increase or decrease");
      return;
    }
    if (baseline == null || target == null) {
      return;
    }
    if ("increase".equals(direction) && target.compareTo(baseline) <= 0) {
      errors.put(prefix + "Target", label + ": the target (" + target.toPlainString()
          + ") must be above the baseline (" + baseline.toPlainString() + ") for an indicator that should increase");
    } else if ("decrease".equals(direction) && target.compareTo(baseline) >= 0) {
      errors.put(prefix + "Target", label + ": the target (" + target.toPlainString()
          + ") must be below the baseline (" + baseline.toPlainString() + ") for an indicator that should decrease");
    }
  }

  private static BigDecimal number(FormValues v, String key, String label, Map<String, String> errors) {
    try {
      return v.decimal(key);
    } catch (NumberFormatException e) {
      errors.put(key, label + ": must be a number");
      return null;
    }
  }
}
