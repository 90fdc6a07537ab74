package org.probity.common.forms;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * Answers a REST exception caused by a {@link FormSubmissionRefused} with 400 and each field's
 * message; hands every other REST exception to Camunda's own handler unchanged.
 */
@Provider
@Priority(1)
class FormSubmissionRefusedMapper implements ExceptionMapper<RestException> {

  private final RestExceptionHandler camundas = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof FormSubmissionRefused refused) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "FormFieldValidationException");
        body.put("message", refused.getMessage());
        body.put("fields", refused.fieldErrors());
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
      }
    }
    return camundas.toResponse(exception);
  }
}
