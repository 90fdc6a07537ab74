package org.probity.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.probity.personnel.PersonnelTesting.person;
import static org.probity.personnel.PersonnelTesting.serviceNumber;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probity.common.InvalidInputException;
import org.probity.common.NotFoundException;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The registry against the real (H2) database of the shared test context. */
@ProbityTest
class PersonnelRegistryTest {

  @Autowired PersonnelRegistry registry;
  @Autowired JdbcTemplate jdbc;

  @Test
  void registersNormalisedActiveAndNotVetted() {
    String number = serviceNumber("rt");
    PersonnelRecord record = registry.register(person("  " + number + " ", "  Amani   Wanjiru ", "Registry Test Unit"), "vetting");
    assertThat(record.serviceNumber()).isEqualTo(number.toUpperCase());
    assertThat(record.fullName()).isEqualTo("Amani Wanjiru");
    assertThat(record.pseudonym()).startsWith("PERSONNEL-").doesNotContain("Amani");
    assertThat(record.status()).isEqualTo(PersonnelStatus.ACTIVE);
    assertThat(record.vettingStatus()).isEqualTo(VettingStatus.NOT_VETTED);
    assertThat(record.vettingHistory()).isEmpty();
    assertThat(registry.find(number.toLowerCase())).contains(record);
    assertThat(registry.find("no such number!")).isEmpty();
  }

  @Test
  void aDuplicateServiceNumberIsRefusedAndTheFirstRecordStays() {
    String number = serviceNumber("DUP");
    registry.register(person(number, "First Person", "Unit One"), "vetting");
    assertThatThrownBy(() -> registry.register(person(number.toLowerCase() + " ", "Second Person", "Unit Two"), "vetting"))
        .isInstanceOf(DuplicateServiceNumberException.class)
        .hasMessageContaining(number)
        .hasMessageContaining("already registered");
    assertThat(count("select count(*) from personnel where service_number = ?", number)).isEqualTo(1);
    assertThat(registry.find(number).orElseThrow().fullName()).isEqualTo("First Person");
  }

  @Test
  void badInputIsRefusedFieldByFieldAndNothingIsStored() {
    long before = count("select count(*) from personnel");
    long tokensBefore = count("select count(*) from personnel_name_token");
    NewPersonnel bad =
        new NewPersonnel(
            "PD 10/01",
            "<script>alert(1)</script>",
            null,
            "x".repeat(121),
            "",
            LocalDate.now().plusDays(1),
            new SelfIdentifiedGroup("Martian", null, "North", null));
    assertThatThrownBy(() -> registry.register(bad, "vetting"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.fieldErrors())
                    .containsOnlyKeys("serviceNumber", "fullName", "institution", "unit", "rank", "dateOfEntry", "group.ethnicity")
                    .containsEntry("fullName", "must not contain < or > (no markup)")
                    .containsEntry("dateOfEntry", "must not be in the future"));
    assertThatThrownBy(() -> registry.register(person("ABC", "A", "U"), "vetting"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.fieldErrors()).containsOnlyKeys("serviceNumber", "fullName", "unit"));
    assertThatThrownBy(() -> registry.register(person(serviceNumber("OK"), "Name With Digit 7", "Unit"), "vetting"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("fullName"));
    assertThat(count("select count(*) from personnel")).isEqualTo(before);
    assertThat(count("select count(*) from personnel_name_token")).isEqualTo(tokensBefore);
  }

  @Test
  void theNameIsEncryptedAtRestAndFoundOnlyThroughBlindIndexes() {
    String number = serviceNumber("ENC");
    registry.register(person(number, "Zoë Ndayishimiye", "Encryption Unit"), "vetting");
    Map<String, Object> row = jdbc.queryForMap("select * from personnel where service_number = ?", number);
    String stored = row.values().toString();
    assertThat(stored).doesNotContainIgnoringCase("Zoë").doesNotContainIgnoringCase("Ndayishimiye").doesNotContainIgnoringCase("zoe");
    assertThat((String) row.get("NAME_ENCRYPTED")).startsWith("v1:");
    assertThat(jdbc.queryForList(
            "select t.token_index from personnel_name_token t join personnel p on p.id = t.personnel_id where p.service_number = ?",
            String.class,
            number))
        .hasSize(2)
        .allSatisfy(t -> assertThat(t).hasSize(64).doesNotContainIgnoringCase("ndayishimiye"));
  }

  @Test
  void searchesByServiceNumberNameAndUnitWithPaging() {
    String unit = "Search Unit " + serviceNumber("U");
    String a = serviceNumber("SRA");
    String b = serviceNumber("SRB");
    String c = serviceNumber("SRC");
    registry.register(person(a, "Zoë Ndayishimiye", unit), "vetting");
    registry.register(person(b, "Nurlan Zoe Abenov", unit), "vetting");
    registry.register(person(c, "Нурлан Абенов", unit), "vetting");

    assertThat(numbers(registry.search(PersonnelQuery.byServiceNumber(a.toLowerCase())))).containsExactly(a);
    assertThat(numbers(registry.search(PersonnelQuery.byServiceNumber(a.substring(0, 6))))).contains(a).doesNotContain(b);

    // whole tokens, any order, accents and case ignored; all parts must match
    assertThat(numbers(search(null, "ZOE", unit))).containsExactly(a, b);
    assertThat(numbers(search(null, "ndayishimiye zoë", unit))).containsExactly(a);
    assertThat(numbers(search(null, "Zo", unit))).isEmpty();
    assertThat(numbers(search(null, "нурлан", unit))).containsExactly(c);
    assertThat(numbers(search(null, "Zoe Abenov Nurlan", unit))).containsExactly(b);

    PersonnelPage byUnit = registry.search(new PersonnelQuery(null, null, unit.toLowerCase(), 0, 2));
    assertThat(byUnit.total()).isEqualTo(3);
    assertThat(numbers(byUnit)).containsExactly(a, b);
    assertThat(numbers(registry.search(new PersonnelQuery(null, null, unit, 1, 2)))).containsExactly(c);
    // LIKE wildcards in the input are taken literally
    assertThat(registry.search(PersonnelQuery.byUnit("%")).total()).isZero();

    assertThatThrownBy(() -> registry.search(new PersonnelQuery("PD%", "---", null, -1, 500)))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("serviceNumber", "name", "page", "size"));
  }

  @Test
  void theDemoPersonnelAreThereInTheDemoInvestigatorsUnits() {
    assertThat(registry.search(PersonnelQuery.byServiceNumber("PD-100")).total()).isGreaterThanOrEqualTo(9);
    assertThat(registry.find("PD-1003").orElseThrow().unit()).isEqualTo("Central Police District");
    assertThat(registry.find("PD-1010").orElseThrow().unit()).isEqualTo("Northern Police District");
    assertThat(count("select count(*) from personnel where service_number like 'PD-10%'")).isEqualTo(10);
  }

  @Test
  void statusChangesKeepTheReasonAndBadChangesStoreNothing() {
    String number = serviceNumber("ST");
    registry.register(person(number, "Status Person", "Status Unit"), "vetting");
    PersonnelRecord suspended = registry.updateStatus(number, PersonnelStatus.SUSPENDED, "Pending investigation CMP-2026-000001", "vetting");
    assertThat(suspended.status()).isEqualTo(PersonnelStatus.SUSPENDED);
    assertThat(suspended.statusReason()).isEqualTo("Pending investigation CMP-2026-000001");
    assertThatThrownBy(() -> registry.updateStatus(number, null, "<b>x</b>", "vetting"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("status", "reason"));
    assertThat(registry.find(number).orElseThrow().status()).isEqualTo(PersonnelStatus.SUSPENDED);
    assertThatThrownBy(() -> registry.updateStatus("PD-0000000", PersonnelStatus.ACTIVE, "reason", "vetting"))
        .isInstanceOf(NotFoundException.class);
    assertThat(registry.updateStatus(number, PersonnelStatus.REMOVED, "Not cleared on appeal", "vetting").status())
        .isEqualTo(PersonnelStatus.REMOVED);
  }

  @Test
  void vettingOutcomesAreAppendedToTheHistory() {
    String number = serviceNumber("VET");
    registry.register(person(number, "Vetted Person", "Vetting Unit"), "vetting");
    assertThat(registry.markVettingInProgress(number, "vetting").vettingStatus()).isEqualTo(VettingStatus.IN_PROGRESS);

    LocalDate first = LocalDate.now().minusDays(30);
    PersonnelRecord conditional =
        registry.recordVettingOutcome(
            number,
            new VettingDecision(first, VettingOutcome.CONDITIONALLY_CLEARED, "vet-2026-000001", "Asset declaration yearly", first.plusYears(1)),
            "panel1");
    assertThat(conditional.vettingStatus()).isEqualTo(VettingStatus.CONDITIONALLY_CLEARED);
    assertThat(conditional.nextReviewDate()).isEqualTo(first.plusYears(1));

    PersonnelRecord cleared =
        registry.recordVettingOutcome(
            number, new VettingDecision(LocalDate.now(), VettingOutcome.CLEARED, "VET-2026-000002", null, null), "panel2");
    assertThat(cleared.vettingStatus()).isEqualTo(VettingStatus.CLEARED);
    assertThat(cleared.nextReviewDate()).isNull();
    assertThat(cleared.vettingHistory())
        .extracting(VettingEntry::outcome, VettingEntry::caseReference, VettingEntry::conditions, VettingEntry::recordedBy)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(VettingOutcome.CONDITIONALLY_CLEARED, "VET-2026-000001", "Asset declaration yearly", "panel1"),
            org.assertj.core.groups.Tuple.tuple(VettingOutcome.CLEARED, "VET-2026-000002", null, "panel2"));

    // a conditional clearance needs conditions and a review date; nothing else allows conditions
    long rows = count("select count(*) from personnel_vetting");
    assertThatThrownBy(
            () ->
                registry.recordVettingOutcome(
                    number, new VettingDecision(LocalDate.now(), VettingOutcome.CONDITIONALLY_CLEARED, "VET 1", null, null), "panel1"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("caseReference", "conditions", "reviewDate"));
    assertThatThrownBy(
            () ->
                registry.recordVettingOutcome(
                    number,
                    new VettingDecision(
                        LocalDate.now().plusDays(2), VettingOutcome.NOT_CLEARED, "VET-1", "some", LocalDate.now().plusYears(1)),
                    "panel1"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("decidedOn", "conditions", "reviewDate"));
    assertThat(count("select count(*) from personnel_vetting")).isEqualTo(rows);
    assertThat(registry.find(number).orElseThrow().vettingStatus()).isEqualTo(VettingStatus.CLEARED);
  }

  @Test
  void compositionStatisticsCountActivePersonnelAndSuppressSmallCells() {
    String unit = "Statistics Unit " + serviceNumber("S");
    for (int i = 0; i < 7; i++) {
      registry.register(
          new NewPersonnel(
              serviceNumber("STA"),
              "Stat Person",
              Institution.MILITARY,
              unit,
              "Private",
              LocalDate.of(2020, 1, 1),
              new SelfIdentifiedGroup("other", null, null, i < 6 ? "Female" : "Male")),
          "vetting");
    }
    // group values are encrypted at rest, like the name
    assertThat(jdbc.queryForList("select group_gender from personnel where unit = ?", String.class, unit))
        .hasSize(7)
        .allSatisfy(v -> assertThat(v).startsWith("v1:").doesNotContainIgnoringCase("male"));
    CompositionStatistics stats = registry.compositionStatistics();
    assertThat(stats.threshold()).isEqualTo(5);
    CompositionStatistics.Breakdown mine =
        stats.units().stream().filter(b -> unit.equals(b.unit())).findFirst().orElseThrow();
    assertThat(mine.total()).isEqualTo(7);
    CompositionStatistics.Dimension gender =
        mine.dimensions().stream().filter(d -> d.name().equals("gender")).findFirst().orElseThrow();
    // 6 female shown would reveal the 1 male (7 - 6): both suppressed
    assertThat(gender.cells()).filteredOn(c -> "Male".equals(c.value())).singleElement().satisfies(c -> assertThat(c.suppressed()).isTrue());
    assertThat(gender.cells()).filteredOn(c -> "Female".equals(c.value())).singleElement().satisfies(c -> assertThat(c.suppressed()).isTrue());
    // stated values are stored in their configured spelling ("other" -> "Other")
    CompositionStatistics.Dimension ethnicity =
        mine.dimensions().stream().filter(d -> d.name().equals("ethnicity")).findFirst().orElseThrow();
    assertThat(ethnicity.cells()).filteredOn(c -> "Other".equals(c.value())).singleElement().satisfies(c -> assertThat(c.count()).isEqualTo(7));
    assertThat(ethnicity.cells()).filteredOn(c -> c.value() == null).singleElement().satisfies(c -> assertThat(c.count()).isZero());
    assertThat(stats.units()).noneMatch(b -> b.total() != null && b.total() < 5);
  }

  private PersonnelPage search(String serviceNumber, String name, String unit) {
    return registry.search(new PersonnelQuery(serviceNumber, name, unit, 0, 50));
  }

  private static List<String> numbers(PersonnelPage page) {
    return page.items().stream().map(PersonnelRecord::serviceNumber).toList();
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }
}
