package org.probity.export;

/**
 * A column a feature module adds to the Cases sheet.
 *
 * @param key the key of the value in {@link CaseDetailsProvider#details(String)}; also the kind of
 *     pseudonym ({@code PersonalDataCipher.pseudonym(key, value)}) for personal columns
 * @param header the column's header in the workbook
 * @param personal true when the value identifies a person (a complainant, a witness): replaced by a
 *     stable pseudonym unless the export is a full one
 */
public record CaseColumn(String key, String header, boolean personal) {

  public static CaseColumn personal(String key, String header) {
    return new CaseColumn(key, header, true);
  }

  public static CaseColumn plain(String key, String header) {
    return new CaseColumn(key, header, false);
  }
}
