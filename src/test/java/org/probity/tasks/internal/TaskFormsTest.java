package org.probity.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidatorException;
import org.junit.jupiter.api.Test;
import org.probity.common.forms.FormSubmissionRefused;

/** The server-side reading of a Camunda Form, typed values, and refusals turned into field messages. */
class TaskFormsTest {

  static final String FORM =
      """
      {"id": "probe", "components": [
        {"type": "text", "text": "Read this first"},
        {"type": "group", "label": "Facts", "components": [
          {"type": "textfield", "key": "summary", "label": "Summary", "validate": {"required": true, "maxLength": 20, "minLength": 2}},
          {"type": "number", "key": "count", "label": "Count", "validate": {"min": 0, "max": 9.5}}
        ]},
        {"type": "select", "key": "kind", "label": "Kind", "values": [{"label": "A", "value": "a"}, {"label": "B", "value": "b"}]},
        {"type": "checkbox", "key": "urgent", "label": "Urgent"},
        {"type": "datetime", "key": "when", "subtype": "date", "dateLabel": "When"},
        {"type": "filepicker", "key": "file", "label": "File"}
      ]}
      """;

  FormSchema form() throws IOException {
    return FormSchema.read(new ByteArrayInputStream(FORM.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsComponentsGroupsAndValidation() throws IOException {
    FormSchema form = form();
    assertThat(form.id()).isEqualTo("probe");
    assertThat(form.fields()).extracting(FormSchema.Field::type).containsExactly("text", "group", "select", "checkbox", "datetime", "filepicker");
    assertThat(form.inputs()).extracting(FormSchema.Field::key).containsExactly("summary", "count", "kind", "urgent", "when");
    FormSchema.Field summary = form.inputs().get(0);
    assertThat(summary.required()).isTrue();
    assertThat(summary.maxLength()).isEqualTo(20);
    assertThat(summary.minLength()).isEqualTo(2);
    FormSchema.Field count = form.inputs().get(1);
    assertThat(count.minText()).isEqualTo("0");
    assertThat(count.maxText()).isEqualTo("9.5");
    assertThat(form.inputs().get(2).options()).extracting(FormSchema.Option::value).containsExactly("a", "b");
    assertThat(form.inputs().get(4).label()).isEqualTo("When");
    assertThat(form.inputs().get(4).htmlType()).isEqualTo("date");
    // an unsupported component is kept (the page says it cannot show it), not an input
    assertThat(form.fields().get(5).input()).isFalse();
  }

  @Test
  void typesValuesAsTheEngineExpectsThem() throws IOException {
    Map<String, String> errors = new HashMap<>();
    Map<String, Object> values =
        TaskForms.typedValues(form(), Map.of("summary", "Text", "count", "7", "kind", "a", "urgent", "true", "when", "2026-01-02", "extra", "x"), errors);
    assertThat(errors).isEmpty();
    assertThat(values).containsEntry("summary", "Text").containsEntry("count", 7L).containsEntry("kind", "a").containsEntry("urgent", true)
        .containsEntry("when", "2026-01-02").doesNotContainKey("extra");
    assertThat(TaskForms.typedValues(form(), Map.of("count", "2.5"), errors)).containsEntry("count", 2.5).containsEntry("urgent", false);
    TaskForms.typedValues(form(), Map.of("count", "lots"), errors);
    assertThat(errors).containsEntry("count", "form.notANumber");
  }

  @Test
  void turnsRefusalsIntoFieldMessages() throws IOException {
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("summary", "at most 20 characters");
    detail.put("kind", "required");
    assertThat(TaskForms.fieldMessages(new FormFieldValidationException(detail, "refused"), form())).isEqualTo(detail);
    assertThat(TaskForms.fieldMessages(new FormSubmissionRefused(detail), form())).isEqualTo(detail);

    assertThat(TaskForms.fieldMessages(new FormFieldValidatorException("summary", "Summary", "maxlength", "x", "too long"), form()))
        .containsEntry("summary", "too long");

    assertThat(TaskForms.fieldMessages(new FormFieldValidationException(null, "summary: is required; kind: not one of a, b"), form()))
        .containsEntry("summary", "is required")
        .containsEntry("kind", "not one of a, b");

    assertThat(TaskForms.fieldMessages(new FormFieldValidationException(null, "Something else went wrong"), form()))
        .containsEntry("", "Something else went wrong");
  }
}
