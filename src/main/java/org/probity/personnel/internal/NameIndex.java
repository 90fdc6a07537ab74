package org.probity.personnel.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.probity.common.PersonalDataCipher;
import org.springframework.stereotype.Component;

/**
 * Blind indexes of names: a name is normalised (Unicode compatibility form, accents removed, lower
 * case, anything but letters and digits a separator) and its keyed HMAC stored, for the whole name
 * and for each token. "Zoë  Ndayishimiye" and "zoe ndayishimiye" give the same indexes; the name
 * itself is never stored in clear.
 */
@Component
class NameIndex {

  static final String WHOLE = "personnel.name";
  static final String TOKEN = "personnel.name.token";

  private final PersonalDataCipher cipher;

  NameIndex(PersonalDataCipher cipher) {
    this.cipher = cipher;
  }

  static List<String> tokens(String name) {
    if (name == null) {
      return List.of();
    }
    String folded =
        Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    Set<String> tokens = new LinkedHashSet<>(Arrays.asList(folded.split("[^\\p{L}\\p{N}]+")));
    tokens.remove("");
    return List.copyOf(tokens);
  }

  String whole(String name) {
    return cipher.blindIndex(WHOLE, String.join(" ", tokens(name)));
  }

  List<String> tokenIndexes(String name) {
    return tokens(name).stream().map(t -> cipher.blindIndex(TOKEN, t)).toList();
  }
}
