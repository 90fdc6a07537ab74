package org.probity.personnel.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.probity.common.NotFoundException;
import org.probity.personnel.CompositionStatistics;
import org.probity.personnel.Institution;
import org.probity.personnel.NewPersonnel;
import org.probity.personnel.PersonnelPage;
import org.probity.personnel.PersonnelQuery;
import org.probity.personnel.PersonnelRecord;
import org.probity.personnel.PersonnelRegistry;
import org.probity.personnel.PersonnelStatus;
import org.probity.personnel.PersonnelVisibility;
import org.probity.personnel.SelfIdentifiedGroup;
import org.probity.personnel.VettingEntry;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/personnel}: register (vetting officers, process administrators), read and search
 * (the case roles and auditors), change a status (vetting officers), composition statistics
 * (auditors, the oversight committee and its chair, vetting officers). What a reader sees of a
 * record depends on the role: see {@link PersonnelVisibility}. Vetting outcomes are recorded only by the
 * vetting process, through {@link PersonnelRegistry}, never directly over HTTP.
 */
@RestController
@RequestMapping("/api/personnel")
class PersonnelApi {

  static final String REGISTER = "hasAnyAuthority('vetting-officers', 'process-admins')";
  static final String READ =
      "hasAnyAuthority('vetting-officers', 'vetting-panel', 'investigators', 'intake-officers', "
          + "'oversight-committee', 'committee-chair', 'auditors')";
  static final String CHANGE_STATUS = "hasAuthority('vetting-officers')";
  static final String STATISTICS = "hasAnyAuthority('auditors', 'oversight-committee', 'committee-chair', 'vetting-officers')";

  /** Larger bodies are refused before they are parsed. */
  static final int MAX_BODY_BYTES = 16 * 1024;

  private static final Set<String> REGISTRATION_FIELDS =
      Set.of("serviceNumber", "fullName", "institution", "unit", "rank", "dateOfEntry", "group");
  private static final Set<String> GROUP_FIELDS = Set.of("ethnicity", "religion", "region", "gender");
  private static final Set<String> STATUS_FIELDS = Set.of("status", "reason");

  private final PersonnelRegistry registry;
  private final PersonnelRules rules;
  private final ObjectReader json;

  PersonnelApi(PersonnelRegistry registry, PersonnelRules rules, ObjectMapper objectMapper) {
    this.registry = registry;
    this.rules = rules;
    this.json = objectMapper.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record PersonnelView(
      String serviceNumber,
      String fullName,
      String pseudonym,
      Institution institution,
      String unit,
      String rank,
      LocalDate dateOfEntry,
      PersonnelStatus status,
      String statusReason,
      String vettingStatus,
      LocalDate nextReviewDate,
      List<VettingEntry> vettingHistory,
      Instant registeredAt) {}

  record PageView(List<PersonnelView> items, int page, int size, long total) {}

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize(REGISTER)
  ResponseEntity<PersonnelView> register(HttpServletRequest request, Authentication user) {
    JsonNode body = object(request);
    Map<String, String> errors = PersonnelRules.errors();
    unknownFields(body, REGISTRATION_FIELDS, "", errors);
    JsonNode groupNode = body.get("group");
    SelfIdentifiedGroup group = null;
    if (groupNode != null && !groupNode.isNull()) {
      if (!groupNode.isObject()) {
        errors.put("group", "must be an object with ethnicity, religion, region, gender");
      } else {
        unknownFields(groupNode, GROUP_FIELDS, "group.", errors);
        group =
            new SelfIdentifiedGroup(
                text(groupNode, "ethnicity", "group.", errors),
                text(groupNode, "religion", "group.", errors),
                text(groupNode, "region", "group.", errors),
                text(groupNode, "gender", "group.", errors));
      }
    }
    NewPersonnel registration =
        new NewPersonnel(
            text(body, "serviceNumber", "", errors),
            text(body, "fullName", "", errors),
            institution(text(body, "institution", "", errors), errors),
            text(body, "unit", "", errors),
            text(body, "rank", "", errors),
            date(text(body, "dateOfEntry", "", errors), "dateOfEntry", errors),
            group);
    if (!errors.isEmpty()) {
      rules.checkRegistration(registration, errors); // name every field at fault, not just the unreadable ones
      PersonnelRules.throwIfAny(errors);
    }
    PersonnelRecord record = registry.register(registration, user.getName());
    return ResponseEntity.status(HttpStatus.CREATED).body(view(record, user));
  }

  @GetMapping
  @PreAuthorize(READ)
  PageView search(
      @RequestParam(required = false) String serviceNumber,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String unit,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      Authentication user) {
    if (name != null && !name.isBlank() && !PersonnelVisibility.seesNames(authorities(user))) {
      throw new AccessDeniedException("Searching by name needs a role entitled to see names");
    }
    PersonnelPage result = registry.search(new PersonnelQuery(serviceNumber, name, unit, page, size));
    return new PageView(
        result.items().stream().map(r -> view(r, user)).toList(), result.page(), result.size(), result.total());
  }

  @GetMapping("/{serviceNumber}")
  @PreAuthorize(READ)
  PersonnelView find(@PathVariable String serviceNumber, Authentication user) {
    return registry
        .find(serviceNumber)
        .map(r -> view(r, user))
        .orElseThrow(() -> new NotFoundException("No personnel with this service number"));
  }

  @PutMapping(path = "/{serviceNumber}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize(CHANGE_STATUS)
  PersonnelView changeStatus(@PathVariable String serviceNumber, HttpServletRequest request, Authentication user) {
    JsonNode body = object(request);
    Map<String, String> errors = PersonnelRules.errors();
    unknownFields(body, STATUS_FIELDS, "", errors);
    PersonnelStatus status = status(text(body, "status", "", errors), errors);
    String reason = text(body, "reason", "", errors);
    if (!errors.isEmpty()) {
      rules.checkStatusChange(status, reason, errors);
      PersonnelRules.throwIfAny(errors);
    }
    return view(registry.updateStatus(serviceNumber, status, reason, user.getName()), user);
  }

  @GetMapping("/statistics")
  @PreAuthorize(STATISTICS)
  CompositionStatistics statistics() {
    return registry.compositionStatistics();
  }

  private static PersonnelView view(PersonnelRecord r, Authentication user) {
    Set<String> roles = authorities(user);
    boolean names = PersonnelVisibility.seesNames(roles);
    boolean vetting = PersonnelVisibility.seesVettingDetails(roles);
    return new PersonnelView(
        r.serviceNumber(),
        names ? r.fullName() : null,
        r.pseudonym(),
        r.institution(),
        r.unit(),
        r.rank(),
        r.dateOfEntry(),
        r.status(),
        vetting ? r.statusReason() : null,
        r.vettingStatus().name(),
        vetting ? r.nextReviewDate() : null,
        vetting ? r.vettingHistory() : null,
        r.registeredAt());
  }

  private static Set<String> authorities(Authentication user) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
  }

  /** The body as a JSON object, read up to {@link #MAX_BODY_BYTES}. */
  private JsonNode object(HttpServletRequest request) {
    byte[] bytes;
    try {
      bytes = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    } catch (IOException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The request body could not be read");
    }
    if (bytes.length > MAX_BODY_BYTES) {
      throw new ResponseStatusException(
          HttpStatus.PAYLOAD_TOO_LARGE, "The request body is larger than " + MAX_BODY_BYTES + " bytes");
    }
    JsonNode node;
    try {
      node = json.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The request body is not valid JSON (or repeats a field)");
    } catch (IOException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The request body could not be read");
    }
    if (node == null || !node.isObject()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The request body must be a JSON object");
    }
    return node;
  }

  private static void unknownFields(JsonNode node, Set<String> known, String prefix, Map<String, String> errors) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        String field = prefix + (name.length() > 64 ? name.substring(0, 64) + "..." : name);
        errors.putIfAbsent(field, "is not a known field");
      }
    }
  }

  /** A text field: absent or null gives null; anything but a JSON string is refused. */
  private static String text(JsonNode node, String name, String prefix, Map<String, String> errors) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      errors.putIfAbsent(prefix + name, "must be text");
      return null;
    }
    return value.textValue();
  }

  private static Institution institution(String value, Map<String, String> errors) {
    return enumValue(Institution.class, "institution", value, errors);
  }

  private static PersonnelStatus status(String value, Map<String, String> errors) {
    return enumValue(PersonnelStatus.class, "status", value, errors);
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String name = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseGet(
            () -> {
              errors.putIfAbsent(
                  field,
                  "must be one of: "
                      + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
              return null;
            });
  }

  private static LocalDate date(String value, String field, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.putIfAbsent(field, "must be a date YYYY-MM-DD");
      return null;
    }
  }
}
