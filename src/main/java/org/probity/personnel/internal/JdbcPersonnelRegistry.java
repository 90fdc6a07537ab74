package org.probity.personnel.internal;

import org.probity.common.SqlMarks;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.probity.common.NotFoundException;
import org.probity.common.PersonalDataCipher;
import org.probity.personnel.CompositionStatistics;
import org.probity.personnel.DuplicateServiceNumberException;
import org.probity.personnel.Institution;
import org.probity.personnel.NewPersonnel;
import org.probity.personnel.PersonnelPage;
import org.probity.personnel.PersonnelQuery;
import org.probity.personnel.PersonnelRecord;
import org.probity.personnel.PersonnelRegistry;
import org.probity.personnel.PersonnelStatus;
import org.probity.personnel.SelfIdentifiedGroup;
import org.probity.personnel.ServiceNumber;
import org.probity.personnel.VettingDecision;
import org.probity.personnel.VettingEntry;
import org.probity.personnel.VettingOutcome;
import org.probity.personnel.VettingStatus;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The registry in Probity's own tables ({@code personnel}, {@code personnel_name_token}, {@code personnel_vetting}). */
@Repository
class JdbcPersonnelRegistry implements PersonnelRegistry {

  static final String NAME_CONTEXT = "personnel.name";
  static final String GROUP_CONTEXT = "personnel.group.";
  static final String PSEUDONYM_KIND = "personnel";
  private static final int MAX_NAME_TOKENS = 10;
  private static final Pattern SERVICE_NUMBER_PREFIX = Pattern.compile("[A-Z0-9-]{1,32}");

  private static final String SELECT =
      "select id, service_number, name_encrypted, institution, unit, rank_title, entry_date, status, status_reason, "
          + "vetting_status, next_review_date, registered_at from personnel p ";

  private final JdbcTemplate jdbc;
  private final PersonalDataCipher cipher;
  private final NameIndex nameIndex;
  private final PersonnelRules rules;
  private final PersonnelProperties properties;

  JdbcPersonnelRegistry(
      JdbcTemplate jdbc, PersonalDataCipher cipher, NameIndex nameIndex, PersonnelRules rules, PersonnelProperties properties) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.nameIndex = nameIndex;
    this.rules = rules;
    this.properties = properties;
  }

  @Override
  @Transactional
  public PersonnelRecord register(NewPersonnel registration, String registeredBy) {
    Map<String, String> errors = PersonnelRules.errors();
    NewPersonnel p = rules.checkRegistration(registration, errors);
    PersonnelRules.throwIfAny(errors);
    if (exists(p.serviceNumber())) {
      throw new DuplicateServiceNumberException(p.serviceNumber());
    }
    String id = UUID.randomUUID().toString();
    SelfIdentifiedGroup group = p.group();
    try {
      jdbc.update(
          "insert into personnel (id, service_number, name_encrypted, name_index, institution, unit, rank_title, entry_date, "
              + "status, vetting_status, group_ethnicity, group_religion, group_region, group_gender, registered_at, registered_by) "
              + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          id,
          p.serviceNumber(),
          cipher.encrypt(p.fullName(), NAME_CONTEXT),
          nameIndex.whole(p.fullName()),
          p.institution().name(),
          p.unit(),
          p.rank(),
          p.dateOfEntry(),
          PersonnelStatus.ACTIVE.name(),
          VettingStatus.NOT_VETTED.name(),
          cipher.encrypt(group.ethnicity(), GROUP_CONTEXT + "ethnicity"),
          cipher.encrypt(group.religion(), GROUP_CONTEXT + "religion"),
          cipher.encrypt(group.region(), GROUP_CONTEXT + "region"),
          cipher.encrypt(group.gender(), GROUP_CONTEXT + "gender"),
          Timestamp.from(Instant.now()),
          actor(registeredBy));
    } catch (DuplicateKeyException e) {
      throw new DuplicateServiceNumberException(p.serviceNumber()); // registered concurrently
    }
    for (String token : nameIndex.tokenIndexes(p.fullName())) {
      jdbc.update("insert into personnel_name_token (personnel_id, token_index) values (?, ?)", id, token);
    }
    return find(p.serviceNumber()).orElseThrow();
  }

  @Override
  public Optional<PersonnelRecord> find(String serviceNumber) {
    if (!ServiceNumber.isValid(serviceNumber)) {
      return Optional.empty();
    }
    List<Row> rows = jdbc.query(SELECT + "where service_number = ?", this::row, ServiceNumber.normalise(serviceNumber));
    return rows.stream().findFirst().map(r -> r.record(history(List.of(r.id())).getOrDefault(r.id(), List.of())));
  }

  @Override
  public PersonnelPage search(PersonnelQuery query) {
    Map<String, String> errors = PersonnelRules.errors();
    if (query.page() < 0 || query.page() > 100_000) {
      errors.put("page", "must be 0 or more");
    }
    if (query.size() < 1 || query.size() > PersonnelQuery.MAX_SIZE) {
      errors.put("size", "must be 1 to " + PersonnelQuery.MAX_SIZE);
    }
    StringBuilder where = new StringBuilder("where 1 = 1 ");
    List<Object> args = new ArrayList<>();
    String serviceNumber = ServiceNumber.normalise(query.serviceNumber());
    if (serviceNumber != null && !serviceNumber.isEmpty()) {
      if (!SERVICE_NUMBER_PREFIX.matcher(serviceNumber).matches()) {
        errors.put("serviceNumber", "may contain only letters A-Z, digits and hyphens, up to 32");
      }
      where.append("and service_number like ? ");
      args.add(serviceNumber + "%");
    }
    if (query.name() != null && !query.name().isBlank()) {
      List<String> tokens = NameIndex.tokens(query.name());
      if (query.name().length() > PersonnelRules.NAME_MAX) {
        errors.put("name", "must be at most " + PersonnelRules.NAME_MAX + " characters");
      } else if (tokens.isEmpty()) {
        errors.put("name", "must contain letters");
      } else if (tokens.size() > MAX_NAME_TOKENS) {
        errors.put("name", "may have at most " + MAX_NAME_TOKENS + " parts");
      } else {
        List<String> indexes = nameIndex.tokenIndexes(query.name());
        where.append("and p.id in (select t.personnel_id from personnel_name_token t where t.token_index in (")
            .append(SqlMarks.of(indexes.size()))
            .append(") group by t.personnel_id having count(*) = ?) ");
        args.addAll(indexes);
        args.add(indexes.size());
      }
    }
    if (query.unit() != null && !query.unit().isBlank()) {
      String unit = query.unit().strip();
      if (unit.length() > PersonnelRules.UNIT_MAX) {
        errors.put("unit", "must be at most " + PersonnelRules.UNIT_MAX + " characters");
      }
      where.append("and lower(unit) like ? escape '!' ");
      args.add("%" + unit.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
    }
    PersonnelRules.throwIfAny(errors);
    Long total = jdbc.queryForObject("select count(*) from personnel p " + where, Long.class, args.toArray());
    List<Object> pageArgs = new ArrayList<>(args);
    pageArgs.add(query.size());
    pageArgs.add((long) query.page() * query.size());
    List<Row> rows = jdbc.query(SELECT + where + "order by service_number limit ? offset ?", this::row, pageArgs.toArray());
    Map<String, List<VettingEntry>> histories = history(rows.stream().map(Row::id).toList());
    return new PersonnelPage(
        rows.stream().map(r -> r.record(histories.getOrDefault(r.id(), List.of()))).toList(),
        query.page(),
        query.size(),
        total == null ? 0 : total);
  }

  @Override
  @Transactional
  public PersonnelRecord updateStatus(String serviceNumber, PersonnelStatus status, String reason, String changedBy) {
    Map<String, String> errors = PersonnelRules.errors();
    String cleanedReason = rules.checkStatusChange(status, reason, errors);
    PersonnelRules.throwIfAny(errors);
    String id = idOf(serviceNumber);
    jdbc.update(
        "update personnel set status = ?, status_reason = ?, status_changed_at = ?, status_changed_by = ? where id = ?",
        status.name(),
        cleanedReason,
        Timestamp.from(Instant.now()),
        actor(changedBy),
        id);
    return find(serviceNumber).orElseThrow();
  }

  @Override
  @Transactional
  public PersonnelRecord markVettingInProgress(String serviceNumber, String changedBy) {
    String id = idOf(serviceNumber);
    actor(changedBy);
    jdbc.update("update personnel set vetting_status = ? where id = ?", VettingStatus.IN_PROGRESS.name(), id);
    return find(serviceNumber).orElseThrow();
  }

  @Override
  @Transactional
  public PersonnelRecord recordVettingOutcome(String serviceNumber, VettingDecision decision, String recordedBy) {
    PersonnelRecord person =
        find(serviceNumber).orElseThrow(() -> new NotFoundException("No personnel with service number " + serviceNumber));
    Map<String, String> errors = PersonnelRules.errors();
    VettingDecision d = rules.checkVettingDecision(decision, person.dateOfEntry(), errors);
    PersonnelRules.throwIfAny(errors);
    String id = idOf(serviceNumber);
    jdbc.update(
        "insert into personnel_vetting (id, personnel_id, decided_on, outcome, case_reference, conditions, review_date, "
            + "recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(),
        id,
        d.decidedOn(),
        d.outcome().name(),
        d.caseReference(),
        d.conditions(),
        d.reviewDate(),
        Timestamp.from(Instant.now()),
        actor(recordedBy));
    jdbc.update(
        "update personnel set vetting_status = ?, next_review_date = ? where id = ?",
        d.outcome().vettingStatus().name(),
        d.reviewDate(),
        id);
    return find(serviceNumber).orElseThrow();
  }

  @Override
  public List<String> serviceNumbersDueForReview(LocalDate date) {
    return jdbc.queryForList(
        "select service_number from personnel where status = ? and vetting_status = ? and next_review_date <= ? "
            + "order by next_review_date, service_number",
        String.class,
        PersonnelStatus.ACTIVE.name(),
        VettingStatus.CONDITIONALLY_CLEARED.name(),
        date);
  }

  @Override
  public CompositionStatistics compositionStatistics() {
    Map<String, List<String>> dimensions = properties.groups().byDimension();
    List<CompositionTable.Person> people =
        jdbc.query(
            "select unit, group_ethnicity, group_religion, group_region, group_gender from personnel where status = ?",
            (rs, i) -> {
              Map<String, String> group = new HashMap<>();
              for (String dimension : dimensions.keySet()) {
                group.put(dimension, cipher.decrypt(rs.getString("group_" + dimension), GROUP_CONTEXT + dimension));
              }
              return new CompositionTable.Person(rs.getString("unit"), group);
            },
            PersonnelStatus.ACTIVE.name());
    return CompositionTable.compute(people, dimensions, properties.smallCellThreshold());
  }

  boolean exists(String serviceNumber) {
    Integer count =
        jdbc.queryForObject(
            "select count(*) from personnel where service_number = ?", Integer.class, ServiceNumber.normalise(serviceNumber));
    return count != null && count > 0;
  }

  private String idOf(String serviceNumber) {
    List<String> ids =
        ServiceNumber.isValid(serviceNumber)
            ? jdbc.queryForList(
                "select id from personnel where service_number = ?", String.class, ServiceNumber.normalise(serviceNumber))
            : List.of();
    if (ids.isEmpty()) {
      throw new NotFoundException("No personnel with service number " + ServiceNumber.normalise(serviceNumber));
    }
    return ids.get(0);
  }

  private static String actor(String actor) {
    if (actor == null || actor.isBlank() || actor.length() > 64) {
      throw new IllegalArgumentException("The acting user (1 to 64 characters) is required");
    }
    return actor;
  }

  private Map<String, List<VettingEntry>> history(List<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<String, List<VettingEntry>> histories = new LinkedHashMap<>();
    jdbc.query(
        "select personnel_id, decided_on, outcome, case_reference, conditions, review_date, recorded_at, recorded_by "
            + "from personnel_vetting where personnel_id in ("
            + SqlMarks.of(ids.size())
            + ") order by recorded_at, decided_on",
        rs -> {
          histories
              .computeIfAbsent(rs.getString("personnel_id"), k -> new ArrayList<>())
              .add(
                  new VettingEntry(
                      rs.getObject("decided_on", LocalDate.class),
                      VettingOutcome.valueOf(rs.getString("outcome")),
                      rs.getString("case_reference"),
                      rs.getString("conditions"),
                      rs.getObject("review_date", LocalDate.class),
                      rs.getTimestamp("recorded_at").toInstant(),
                      rs.getString("recorded_by")));
        },
        ids.toArray());
    histories.replaceAll((id, entries) -> List.copyOf(entries));
    return histories;
  }

  private Row row(ResultSet rs, int rowNum) throws SQLException {
    String serviceNumber = rs.getString("service_number");
    return new Row(
        rs.getString("id"),
        serviceNumber,
        cipher.decrypt(rs.getString("name_encrypted"), NAME_CONTEXT),
        cipher.pseudonym(PSEUDONYM_KIND, serviceNumber),
        Institution.valueOf(rs.getString("institution")),
        rs.getString("unit"),
        rs.getString("rank_title"),
        rs.getObject("entry_date", LocalDate.class),
        PersonnelStatus.valueOf(rs.getString("status")),
        rs.getString("status_reason"),
        VettingStatus.valueOf(rs.getString("vetting_status")),
        rs.getObject("next_review_date", LocalDate.class),
        rs.getTimestamp("registered_at").toInstant());
  }

  private record Row(
      String id,
      String serviceNumber,
      String fullName,
      String pseudonym,
      Institution institution,
      String unit,
      String rank,
      LocalDate dateOfEntry,
      PersonnelStatus status,
      String statusReason,
      VettingStatus vettingStatus,
      LocalDate nextReviewDate,
      Instant registeredAt) {

    PersonnelRecord record(List<VettingEntry> history) {
      return new PersonnelRecord(
          serviceNumber,
          fullName,
          pseudonym,
          institution,
          unit,
          rank,
          dateOfEntry,
          status,
          statusReason,
          vettingStatus,
          nextReviewDate,
          history,
          registeredAt);
    }
  }
}
