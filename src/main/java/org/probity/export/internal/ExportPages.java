package org.probity.export.internal;

import java.time.LocalDate;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The auditor's page: choose an export and its filters, download it. */
@Controller
class ExportPages {

  private final RepositoryService repositoryService;
  private final ExportService exports;
  private final int maxRangeDays;

  ExportPages(
      RepositoryService repositoryService, ExportService exports, @Value("${probity.export.max-range-days:366}") int maxRangeDays) {
    this.repositoryService = repositoryService;
    this.exports = exports;
    this.maxRangeDays = maxRangeDays;
  }

  @GetMapping("/exports")
  @PreAuthorize("hasAnyAuthority('auditors', 'process-admins')")
  String exports(Authentication user, Model model) {
    TreeSet<String> processes = new TreeSet<>(exports.contributedProcessKeys());
    repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
        .map(ProcessDefinition::getKey)
        .forEach(processes::add);
    LocalDate today = LocalDate.now();
    model.addAttribute("processes", processes);
    model.addAttribute("from", today.minusDays(30));
    model.addAttribute("to", today);
    model.addAttribute("maxRangeDays", maxRangeDays);
    model.addAttribute("auditor", user.getAuthorities().stream().anyMatch(a -> "auditors".equals(a.getAuthority())));
    return "exports";
  }
}
