package org.probity.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.probity.personnel.PersonnelTesting.person;
import static org.probity.personnel.PersonnelTesting.serviceNumber;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.probity.support.MySqlTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The registry on a real MySQL-compatible server: full Unicode names, blind-index search, the unique service number. */
@MySqlTest
class MySqlPersonnelTest {

  @Autowired PersonnelRegistry registry;
  @Autowired JdbcTemplate jdbc;

  @Test
  void registersAndFindsUnicodeNamesEncrypted() {
    String unit = "Unité Spéciale " + serviceNumber("M");
    String zoe = serviceNumber("MZ");
    String nurlan = serviceNumber("MN");
    registry.register(person(zoe, "Zoë Ndayishimiye", unit), "ci-admin");
    registry.register(person(nurlan, "Нурлан Абенов", unit), "ci-admin");

    assertThat(registry.find(zoe.toLowerCase()).orElseThrow().fullName()).isEqualTo("Zoë Ndayishimiye");
    assertThat(registry.find(nurlan).orElseThrow().fullName()).isEqualTo("Нурлан Абенов");
    assertThat(registry.search(PersonnelQuery.byName("zoe")).items()).extracting(PersonnelRecord::serviceNumber).contains(zoe);
    assertThat(registry.search(PersonnelQuery.byName("НУРЛАН абенов")).items())
        .extracting(PersonnelRecord::serviceNumber)
        .containsExactly(nurlan);
    assertThat(registry.search(PersonnelQuery.byUnit(unit.toUpperCase())).items())
        .extracting(PersonnelRecord::serviceNumber)
        .containsExactly(nurlan, zoe); // ordered by service number: MN- before MZ-
    assertThat(registry.search(PersonnelQuery.byUnit("unité spéciale")).total()).isGreaterThanOrEqualTo(2);

    String raw = jdbc.queryForMap("select * from personnel where service_number = ?", nurlan).values().toString();
    assertThat(raw).doesNotContain("Нурлан").doesNotContain("Абенов").contains(unit);
  }

  @Test
  void refusesADuplicateAndKeepsTheVettingHistory() {
    String number = serviceNumber("MD");
    registry.register(person(number, "Amani Wanjiru", "Northern Police District"), "ci-admin");
    assertThatThrownBy(() -> registry.register(person(number, "Someone Else", "Elsewhere"), "ci-admin"))
        .isInstanceOf(DuplicateServiceNumberException.class);
    registry.recordVettingOutcome(
        number,
        new VettingDecision(
            LocalDate.now(), VettingOutcome.CONDITIONALLY_CLEARED, "VET-2026-000123", "Déclaration annuelle — patrimoine", LocalDate.now().plusYears(2)),
        "ci-admin");
    PersonnelRecord record = registry.find(number).orElseThrow();
    assertThat(record.vettingStatus()).isEqualTo(VettingStatus.CONDITIONALLY_CLEARED);
    assertThat(record.vettingHistory()).singleElement().satisfies(e -> assertThat(e.conditions()).isEqualTo("Déclaration annuelle — patrimoine"));
    assertThat(
            jdbc.queryForList(
                "select table_collation from information_schema.tables where table_schema = database() "
                    + "and table_name in ('personnel', 'personnel_name_token', 'personnel_vetting')",
                String.class))
        .hasSize(3)
        .allSatisfy(collation -> assertThat(collation).startsWith("utf8mb4"));
  }
}
