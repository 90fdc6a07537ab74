package org.probity.oversight.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probity.common.InvalidInputException;
import org.probity.common.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The periodic-review schedule ({@code oversight_schedule}): which institutions and units are
 * reviewed how often, and when next. The chair keeps it; auditors read it. The schedule process
 * starts a review for each entry due.
 */
@RestController
class ScheduleApi {

  record Entry(String institution, String unit, Integer intervalMonths, LocalDate nextDue) {}

  private final JdbcTemplate jdbc;

  ScheduleApi(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @GetMapping("/api/oversight/schedule")
  @PreAuthorize("hasAnyAuthority('committee-chair', 'auditors')")
  List<Entry> schedule() {
    return jdbc.query(
        "select institution, unit, interval_months, next_due from oversight_schedule order by next_due, institution, unit",
        (rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getDate(4).toLocalDate()));
  }

  /** Adds an entry or changes the one of the same institution and unit. */
  @PutMapping("/api/oversight/schedule")
  @PreAuthorize("hasAuthority('committee-chair')")
  @Transactional
  Entry put(@RequestBody Entry entry) {
    Map<String, String> errors = new LinkedHashMap<>();
    String institution = checkedName(entry.institution(), "institution", errors);
    String unit = checkedName(entry.unit(), "unit", errors);
    if (entry.intervalMonths() == null || entry.intervalMonths() < 1 || entry.intervalMonths() > 120) {
      errors.put("intervalMonths", "must be a whole number of months from 1 to 120");
    }
    if (entry.nextDue() == null) {
      errors.put("nextDue", "is required (YYYY-MM-DD)");
    } else if (entry.nextDue().isBefore(LocalDate.now().minusYears(10)) || entry.nextDue().isAfter(LocalDate.now().plusYears(10))) {
      errors.put("nextDue", "must be within ten years of today");
    }
    if (!errors.isEmpty()) {
      throw InvalidInputException.of(errors);
    }
    int updated =
        jdbc.update(
            "update oversight_schedule set interval_months = ?, next_due = ? where institution = ? and unit = ?",
            entry.intervalMonths(),
            Date.valueOf(entry.nextDue()),
            institution,
            unit);
    if (updated == 0) {
      jdbc.update(
          "insert into oversight_schedule (institution, unit, interval_months, next_due) values (?, ?, ?, ?)",
          institution,
          unit,
          entry.intervalMonths(),
          Date.valueOf(entry.nextDue()));
    }
    return new Entry(institution, unit, entry.intervalMonths(), entry.nextDue());
  }

  @DeleteMapping("/api/oversight/schedule")
  @PreAuthorize("hasAuthority('committee-chair')")
  void delete(@RequestParam String institution, @RequestParam String unit) {
    if (jdbc.update("delete from oversight_schedule where institution = ? and unit = ?", institution, unit) == 0) {
      throw new NotFoundException("No schedule entry for " + institution + " / " + unit);
    }
  }

  private static String checkedName(String value, String field, Map<String, String> errors) {
    String text = value == null ? "" : value.trim();
    if (text.isEmpty()) {
      errors.put(field, "is required");
    } else if (text.length() > 200) {
      errors.put(field, "must be at most 200 characters");
    } else if (text.matches(".*[<>].*")) {
      errors.put(field, "must not contain < or >");
    }
    return text;
  }
}
