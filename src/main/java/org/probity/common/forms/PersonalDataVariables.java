package org.probity.common.forms;

/**
 * The naming rule for form fields and variables that hold personal data (names, contacts of
 * complainants, witnesses, personnel): their keys start with {@code pii}. The engine's history drops
 * them ({@link ProbityHistoryLevel}); the module that receives them stores them encrypted and
 * removes the variables in the same transaction.
 */
public final class PersonalDataVariables {

  public static final String PREFIX = "pii";

  private PersonalDataVariables() {}

  public static boolean isPersonal(String variableName) {
    return variableName != null && variableName.startsWith(PREFIX);
  }
}
