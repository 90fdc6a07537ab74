package org.probity.export.internal;

import org.probity.common.SqlMarks;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.probity.audit.AuditHead;
import org.probity.audit.AuditTrail;
import org.probity.common.PersonalDataCipher;
import org.probity.export.CaseColumn;
import org.probity.export.CaseDetailsProvider;
import org.probity.export.Finding;
import org.probity.export.FindingSource;
import org.probity.export.internal.ExportWorkbook.Column;
import org.probity.export.internal.ExportWorkbook.DataSheet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Writes the workbooks. Rows are read from Camunda's history tables and the audit trail in pages
 * of {@value #PAGE} by key (never the whole result at once) and streamed into SXSSF sheets.
 */
@Service
class ExportService {

  static final int PAGE = 500;
  private static final double MILLIS_PER_DAY = 86_400_000d;
  private static final double MILLIS_PER_HOUR = 3_600_000d;

  private final JdbcTemplate jdbc;
  private final AuditTrail trail;
  private final PersonalDataCipher cipher;
  private final Map<String, CaseDetailsProvider> providers;
  private final List<FindingSource> findingSources;
  private final ZoneId zone = ZoneId.systemDefault();

  ExportService(
      JdbcTemplate jdbc,
      AuditTrail trail,
      PersonalDataCipher cipher,
      List<CaseDetailsProvider> providers,
      List<FindingSource> findingSources) {
    this.jdbc = jdbc;
    this.trail = trail;
    this.cipher = cipher;
    this.providers =
        providers.stream()
            .collect(Collectors.toMap(CaseDetailsProvider::processKey, Function.identity(), (a, b) -> a, TreeMap::new));
    this.findingSources = List.copyOf(findingSources);
  }

  /** Process keys the export knows besides deployed ones: those modules contribute to. */
  List<String> contributedProcessKeys() {
    List<String> keys = new ArrayList<>(providers.keySet());
    findingSources.forEach(s -> keys.add(s.processKey()));
    return keys.stream().distinct().sorted().toList();
  }

  private record SheetResult(String name, int rows, String hash) {}

  /** Writes the workbook of the request to {@code out}; temporary files are gone when it returns. */
  void write(ExportRequest request, AuditHead head, OutputStream out) throws IOException {
    try (ExportWorkbook workbook = new ExportWorkbook(zone)) {
      ExportWorkbook.Summary summary = workbook.summary();
      List<SheetResult> sheets = new ArrayList<>();
      switch (request.kind()) {
        case CASES -> {
          sheets.add(cases(workbook, request));
          sheets.add(decisions(workbook, request));
        }
        case TASKS -> sheets.add(tasks(workbook, request));
        case AUDIT_TRAIL -> sheets.add(auditEntries(workbook, request, head));
      }
      summary.title("Probity export", "");
      summary.line("Export", request.kind().file() + ".xlsx");
      summary.line("Exported by", request.user());
      summary.line("Roles", request.roles());
      summary.line("Exported at", LocalDateTime.now(zone));
      summary.line("Time zone", zone.getId());
      summary.line("From (inclusive)", request.from().atStartOfDay());
      summary.line("To (inclusive)", request.to().atStartOfDay());
      summary.line("Process", request.process() == null ? "(all)" : request.process());
      summary.line("Personal data", request.full() ? "in clear (full export)" : "pseudonymised");
      if (request.full()) {
        summary.line("Reason for the full export", request.reason());
      }
      summary.line("Audit chain head sequence", head.sequence());
      summary.line("Audit chain head hash", head.hash());
      summary.blank();
      summary.title("Sheet", "Rows", "SHA-256 of the sheet's rows");
      for (SheetResult sheet : sheets) {
        summary.line(sheet.name(), sheet.rows(), sheet.hash());
      }
      summary.blank();
      summary.line(
          "How the hashes are made",
          "SHA-256 (hex) of the sheet's rows, header included: each cell as text (dates yyyy-MM-ddTHH:mm:ss, "
              + "numbers in plain decimal notation, empty cells empty), cells separated by a tab, each row ended by a line feed.");
      workbook.write(out);
    }
  }

  // ---- cases -------------------------------------------------------------------------------

  private record CaseRow(String id, String businessKey, String process, Date start, Date end, Long duration, String state, String deleteReason) {}

  private SheetResult cases(ExportWorkbook workbook, ExportRequest request) {
    List<CaseDetailsProvider> contributing =
        request.process() == null
            ? List.copyOf(providers.values())
            : providers.containsKey(request.process()) ? List.of(providers.get(request.process())) : List.of();
    boolean prefix = contributing.size() > 1;
    List<Column> columns =
        new ArrayList<>(
            List.of(
                new Column("Reference", 22),
                new Column("Process", 26),
                new Column("Status", 12),
                new Column("Opened", 20),
                new Column("Closed", 20),
                new Column("Duration (days)", 10),
                new Column("Outcome", 30)));
    for (CaseDetailsProvider provider : contributing) {
      for (CaseColumn column : provider.columns()) {
        columns.add(new Column(prefix ? provider.processKey() + ": " + column.header() : column.header(), 24));
      }
    }
    DataSheet sheet = workbook.sheet("Cases", columns);
    StringBuilder sql =
        new StringBuilder(
            "select ID_, BUSINESS_KEY_, PROC_DEF_KEY_, START_TIME_, END_TIME_, DURATION_, STATE_, DELETE_REASON_ "
                + "from ACT_HI_PROCINST where START_TIME_ >= ? and START_TIME_ < ?");
    if (request.process() != null) {
      sql.append(" and PROC_DEF_KEY_ = ?");
    }
    sql.append(" and (START_TIME_ > ? or (START_TIME_ = ? and ID_ > ?)) order by START_TIME_, ID_ limit " + PAGE);
    Timestamp lastTime = from(request);
    String lastId = "";
    while (true) {
      List<Object> params = range(request);
      params.addAll(List.of(lastTime, lastTime, lastId));
      List<CaseRow> page =
          jdbc.query(
              sql.toString(),
              (rs, i) ->
                  new CaseRow(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getTimestamp(4),
                      rs.getTimestamp(5),
                      (Long) rs.getObject(6, Long.class),
                      rs.getString(7),
                      rs.getString(8)),
              params.toArray());
      if (page.isEmpty()) {
        break;
      }
      Map<String, String> outcomes = outcomes(page.stream().map(CaseRow::id).toList());
      for (CaseRow row : page) {
        List<Object> values = new ArrayList<>();
        values.add(row.businessKey() != null ? row.businessKey() : row.id());
        values.add(row.process());
        values.add(status(row.state()));
        values.add(row.start());
        values.add(row.end());
        values.add(row.duration() == null ? null : round(row.duration() / MILLIS_PER_DAY));
        String outcome = outcomes.get(row.id());
        values.add(outcome != null ? outcome : row.deleteReason());
        for (CaseDetailsProvider provider : contributing) {
          Map<String, Object> details =
              provider.processKey().equals(row.process()) && row.businessKey() != null ? provider.details(row.businessKey()) : Map.of();
          for (CaseColumn column : provider.columns()) {
            values.add(redact(column.key(), column.personal(), details == null ? null : details.get(column.key()), request));
          }
        }
        sheet.add(values.toArray());
      }
      CaseRow last = page.get(page.size() - 1);
      lastTime = new Timestamp(last.start().getTime());
      lastId = last.id();
      if (page.size() < PAGE) {
        break;
      }
    }
    return new SheetResult("Cases", sheet.rows(), sheet.finish());
  }

  private Map<String, String> outcomes(List<String> instanceIds) {
    Map<String, String> outcomes = new LinkedHashMap<>();
    jdbc.query(
        "select PROC_INST_ID_, TEXT_, LONG_, DOUBLE_ from ACT_HI_VARINST where NAME_ = 'outcome' and PROC_INST_ID_ in ("
            + SqlMarks.of(instanceIds.size())
            + ")",
        rs -> {
          String value = rs.getString(2);
          if (value == null && rs.getObject(3) != null) {
            value = Long.toString(rs.getLong(3));
          } else if (value == null && rs.getObject(4) != null) {
            value = Double.toString(rs.getDouble(4));
          }
          outcomes.put(rs.getString(1), value);
        },
        instanceIds.toArray());
    return outcomes;
  }

  private static String status(String state) {
    if (state == null) {
      return null;
    }
    return switch (state) {
      case "ACTIVE" -> "open";
      case "SUSPENDED" -> "suspended";
      case "COMPLETED" -> "closed";
      case "EXTERNALLY_TERMINATED" -> "cancelled";
      case "INTERNALLY_TERMINATED" -> "terminated";
      default -> state.toLowerCase();
    };
  }

  private Object redact(String kind, boolean personal, Object value, ExportRequest request) {
    if (value == null || !personal || request.full()) {
      return value;
    }
    return cipher.pseudonym(kind, String.valueOf(value));
  }

  // ---- decisions and findings ---------------------------------------------------------------

  private record DecisionRow(String id, String key, String name, String process, Date evaluated, String user, String businessKey, String instance) {}

  private SheetResult decisions(ExportWorkbook workbook, ExportRequest request) {
    DataSheet sheet =
        workbook.sheet(
            "Decisions and findings",
            List.of(
                new Column("Case", 22),
                new Column("Process", 26),
                new Column("Kind", 16),
                new Column("Decision or finding", 30),
                new Column("Outcome", 40),
                new Column("Decided", 20),
                new Column("Decided by", 16),
                new Column("Reasons", 50)));
    StringBuilder sql =
        new StringBuilder(
            "select d.ID_, d.DEC_DEF_KEY_, d.DEC_DEF_NAME_, d.PROC_DEF_KEY_, d.EVAL_TIME_, d.USER_ID_, p.BUSINESS_KEY_, d.PROC_INST_ID_ "
                + "from ACT_HI_DECINST d left join ACT_HI_PROCINST p on p.ID_ = d.PROC_INST_ID_ "
                + "where d.EVAL_TIME_ >= ? and d.EVAL_TIME_ < ?");
    if (request.process() != null) {
      sql.append(" and d.PROC_DEF_KEY_ = ?");
    }
    sql.append(" and (d.EVAL_TIME_ > ? or (d.EVAL_TIME_ = ? and d.ID_ > ?)) order by d.EVAL_TIME_, d.ID_ limit " + PAGE);
    Timestamp lastTime = from(request);
    String lastId = "";
    while (true) {
      List<Object> params = range(request);
      params.addAll(List.of(lastTime, lastTime, lastId));
      List<DecisionRow> page =
          jdbc.query(
              sql.toString(),
              (rs, i) ->
                  new DecisionRow(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getTimestamp(5),
                      rs.getString(6),
                      rs.getString(7),
                      rs.getString(8)),
              params.toArray());
      if (page.isEmpty()) {
        break;
      }
      Map<String, String> outputs = decisionOutputs(page.stream().map(DecisionRow::id).toList());
      for (DecisionRow row : page) {
        sheet.add(
            row.businessKey() != null ? row.businessKey() : row.instance(),
            row.process(),
            "decision (DMN)",
            row.name() != null ? row.name() : row.key(),
            outputs.get(row.id()),
            row.evaluated(),
            row.user(),
            null);
      }
      DecisionRow last = page.get(page.size() - 1);
      lastTime = new Timestamp(last.evaluated().getTime());
      lastId = last.id();
      if (page.size() < PAGE) {
        break;
      }
    }
    Instant from = request.from().atStartOfDay(zone).toInstant();
    Instant to = request.to().plusDays(1).atStartOfDay(zone).toInstant();
    findingSources.stream()
        .filter(s -> request.process() == null || request.process().equals(s.processKey()))
        .sorted(Comparator.comparing(FindingSource::processKey))
        .forEach(
            source ->
                source.forEachFinding(
                    from,
                    to,
                    (Finding f) ->
                        sheet.add(
                            f.caseReference(),
                            source.processKey(),
                            f.kind(),
                            f.title(),
                            f.outcome(),
                            f.decidedAt(),
                            f.decidedBy(),
                            redact("reasons", true, f.reasons(), request))));
    return new SheetResult("Decisions and findings", sheet.rows(), sheet.finish());
  }

  private Map<String, String> decisionOutputs(List<String> decisionIds) {
    Map<String, StringBuilder> outputs = new LinkedHashMap<>();
    jdbc.query(
        "select DEC_INST_ID_, VAR_NAME_, CLAUSE_NAME_, TEXT_, LONG_, DOUBLE_ from ACT_HI_DEC_OUT where DEC_INST_ID_ in ("
            + SqlMarks.of(decisionIds.size())
            + ") order by DEC_INST_ID_, RULE_ORDER_, ID_",
        rs -> {
          String name = rs.getString(2) != null ? rs.getString(2) : rs.getString(3);
          String value = rs.getString(4);
          if (value == null && rs.getObject(5) != null) {
            value = Long.toString(rs.getLong(5));
          } else if (value == null && rs.getObject(6) != null) {
            value = Double.toString(rs.getDouble(6));
          }
          StringBuilder text = outputs.computeIfAbsent(rs.getString(1), k -> new StringBuilder());
          text.append(text.isEmpty() ? "" : "; ").append(name).append(" = ").append(value);
        },
        decisionIds.toArray());
    Map<String, String> result = new LinkedHashMap<>();
    outputs.forEach((k, v) -> result.put(k, v.toString()));
    return result;
  }

  // ---- tasks -------------------------------------------------------------------------------

  private record TaskRow(
      String id, String name, String process, String instance, String assignee, Date created, Date due, Date completed, Long duration, String businessKey) {}

  private SheetResult tasks(ExportWorkbook workbook, ExportRequest request) {
    DataSheet sheet =
        workbook.sheet(
            "Tasks",
            List.of(
                new Column("Case", 22),
                new Column("Process", 26),
                new Column("Task", 30),
                new Column("Candidate groups", 26),
                new Column("Assignee", 16),
                new Column("Created", 20),
                new Column("Due", 20),
                new Column("Completed", 20),
                new Column("Duration (hours)", 10),
                new Column("Overdue", 9)));
    StringBuilder sql =
        new StringBuilder(
            "select t.ID_, t.NAME_, t.PROC_DEF_KEY_, t.PROC_INST_ID_, t.ASSIGNEE_, t.START_TIME_, t.DUE_DATE_, t.END_TIME_, t.DURATION_, p.BUSINESS_KEY_ "
                + "from ACT_HI_TASKINST t left join ACT_HI_PROCINST p on p.ID_ = t.PROC_INST_ID_ "
                + "where t.START_TIME_ >= ? and t.START_TIME_ < ?");
    if (request.process() != null) {
      sql.append(" and t.PROC_DEF_KEY_ = ?");
    }
    sql.append(" and (t.START_TIME_ > ? or (t.START_TIME_ = ? and t.ID_ > ?)) order by t.START_TIME_, t.ID_ limit " + PAGE);
    Timestamp lastTime = from(request);
    String lastId = "";
    Date now = new Date();
    while (true) {
      List<Object> params = range(request);
      params.addAll(List.of(lastTime, lastTime, lastId));
      List<TaskRow> page =
          jdbc.query(
              sql.toString(),
              (rs, i) ->
                  new TaskRow(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getTimestamp(6),
                      rs.getTimestamp(7),
                      rs.getTimestamp(8),
                      (Long) rs.getObject(9, Long.class),
                      rs.getString(10)),
              params.toArray());
      if (page.isEmpty()) {
        break;
      }
      Map<String, String> groups = candidateGroups(page.stream().map(TaskRow::id).toList());
      for (TaskRow row : page) {
        String overdue = null;
        if (row.due() != null) {
          Date reference = row.completed() != null ? row.completed() : now;
          overdue = reference.after(row.due()) ? "yes" : "no";
        }
        sheet.add(
            row.businessKey() != null ? row.businessKey() : row.instance(),
            row.process(),
            row.name(),
            groups.get(row.id()),
            row.assignee(),
            row.created(),
            row.due(),
            row.completed(),
            row.duration() == null ? null : round(row.duration() / MILLIS_PER_HOUR),
            overdue);
      }
      TaskRow last = page.get(page.size() - 1);
      lastTime = new Timestamp(last.created().getTime());
      lastId = last.id();
      if (page.size() < PAGE) {
        break;
      }
    }
    return new SheetResult("Tasks", sheet.rows(), sheet.finish());
  }

  private Map<String, String> candidateGroups(List<String> taskIds) {
    Map<String, java.util.TreeSet<String>> groups = new LinkedHashMap<>();
    jdbc.query(
        "select TASK_ID_, GROUP_ID_ from ACT_HI_IDENTITYLINK where TYPE_ = 'candidate' and GROUP_ID_ is not null "
            + "and OPERATION_TYPE_ = 'add' and TASK_ID_ in ("
            + SqlMarks.of(taskIds.size())
            + ")",
        rs -> {
          groups.computeIfAbsent(rs.getString(1), k -> new java.util.TreeSet<>()).add(rs.getString(2));
        },
        taskIds.toArray());
    Map<String, String> result = new LinkedHashMap<>();
    groups.forEach((k, v) -> result.put(k, String.join(", ", v)));
    return result;
  }

  // ---- audit trail -------------------------------------------------------------------------

  private SheetResult auditEntries(ExportWorkbook workbook, ExportRequest request, AuditHead head) {
    DataSheet sheet =
        workbook.sheet(
            "Audit entries",
            List.of(
                new Column("Sequence", 10),
                new Column("Time", 20),
                new Column("Actor", 16),
                new Column("Roles", 24),
                new Column("Action", 20),
                new Column("Subject", 24),
                new Column("Details", 60),
                new Column("Client address", 16),
                new Column("Previous hash", 66),
                new Column("Hash", 66)));
    trail.forEachEntry(
        request.from().atStartOfDay(zone).toInstant(),
        request.to().plusDays(1).atStartOfDay(zone).toInstant(),
        head.sequence(),
        e ->
            sheet.add(
                e.sequence(),
                e.time(),
                e.actor(),
                e.roles(),
                e.action(),
                e.subject(),
                e.details(),
                e.clientAddress(),
                e.previousHash(),
                e.hash()));
    return new SheetResult("Audit entries", sheet.rows(), sheet.finish());
  }

  // ---- helpers -----------------------------------------------------------------------------

  private Timestamp from(ExportRequest request) {
    return Timestamp.valueOf(request.from().atStartOfDay());
  }

  private List<Object> range(ExportRequest request) {
    List<Object> params = new ArrayList<>();
    params.add(Timestamp.valueOf(request.from().atStartOfDay()));
    params.add(Timestamp.valueOf(request.to().plusDays(1).atStartOfDay()));
    if (request.process() != null) {
      params.add(request.process());
    }
    return params;
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100d;
  }
}
