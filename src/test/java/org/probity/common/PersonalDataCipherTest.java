package org.probity.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDataCipherTest {

  static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
  final PersonalDataCipher cipher = new PersonalDataCipher(KEY, "");

  @Test
  void encryptsWithAFreshNonceAndDecryptsInTheSameContext() {
    String a = cipher.encrypt("Amani Wanjiru", "complainant.name");
    String b = cipher.encrypt("Amani Wanjiru", "complainant.name");
    assertThat(a).startsWith("v1:").doesNotContain("Amani").isNotEqualTo(b);
    assertThat(cipher.decrypt(a, "complainant.name")).isEqualTo("Amani Wanjiru");
    assertThat(cipher.encrypt(null, "x")).isNull();
  }

  @Test
  void refusesAnotherContextATamperedValueOrAnotherKey() {
    String sealed = cipher.encrypt("+254 700 000 000", "complainant.phone");
    assertThatThrownBy(() -> cipher.decrypt(sealed, "complainant.name")).isInstanceOf(IllegalStateException.class);
    char[] chars = sealed.toCharArray();
    chars[10] = chars[10] == 'A' ? 'B' : 'A';
    assertThatThrownBy(() -> cipher.decrypt(new String(chars), "complainant.phone")).isInstanceOf(IllegalStateException.class);
    byte[] other = new byte[32];
    other[0] = 1;
    PersonalDataCipher otherKey = new PersonalDataCipher(Base64.getEncoder().encodeToString(other), "");
    assertThatThrownBy(() -> otherKey.decrypt(sealed, "complainant.phone")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void pseudonymsAreStablePerPersonAndKey() {
    assertThat(cipher.pseudonym("person", "Amani Wanjiru")).isEqualTo(cipher.pseudonym("person", " amani wanjiru "));
    assertThat(cipher.pseudonym("person", "Amani Wanjiru")).isNotEqualTo(cipher.pseudonym("person", "Baraka Otieno"));
    assertThat(cipher.pseudonym("person", "Amani Wanjiru")).startsWith("PERSON-").doesNotContain("Amani");
  }

  @Test
  void blindIndexesAreStableKeyedAndSeparatedByKind() {
    String index = cipher.blindIndex("personnel.name.token", "amani");
    assertThat(index).hasSize(64).isEqualTo(cipher.blindIndex("personnel.name.token", "amani"));
    assertThat(index).isNotEqualTo(cipher.blindIndex("personnel.name", "amani"));
    assertThat(index).isNotEqualTo(cipher.blindIndex("personnel.name.token", "baraka"));
    byte[] other = new byte[32];
    other[0] = 1;
    assertThat(new PersonalDataCipher(Base64.getEncoder().encodeToString(other), "").blindIndex("personnel.name.token", "amani"))
        .isNotEqualTo(index);
    // not the pseudonym key either
    assertThat(cipher.pseudonym("personnel.name.token", "amani")).doesNotContain(index.substring(0, 12).toUpperCase());
    assertThat(cipher.blindIndex("k", null)).isNull();
  }

  @Test
  void aKeyIsRequiredOutsideTheDemoAndMustBe32Bytes() {
    assertThatThrownBy(() -> new PersonalDataCipher("", "")).hasMessageContaining("PROBITY_ENCRYPTION_KEY is missing");
    assertThatThrownBy(() -> new PersonalDataCipher(Base64.getEncoder().encodeToString(new byte[16]), ""))
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> new PersonalDataCipher("not base64!", "")).hasMessageContaining("not Base64");
  }

  @Test
  void theDemoKeepsItsGeneratedKeyAcrossRestarts(@TempDir Path dir) {
    String file = dir.resolve("encryption.key").toString();
    String sealed = new PersonalDataCipher("", file).encrypt("x", "c");
    assertThat(new PersonalDataCipher("", file).decrypt(sealed, "c")).isEqualTo("x");
  }
}
