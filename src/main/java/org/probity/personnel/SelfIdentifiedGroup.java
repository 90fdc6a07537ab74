package org.probity.personnel;

/**
 * A person's self-identified group, every part optional (null: not stated). The allowed values are
 * configured under {@code probity.personnel.groups.*}. Stored encrypted and used only for
 * composition statistics: never shown per person.
 */
public record SelfIdentifiedGroup(String ethnicity, String religion, String region, String gender) {

  public static final SelfIdentifiedGroup NOT_STATED = new SelfIdentifiedGroup(null, null, null, null);
}
