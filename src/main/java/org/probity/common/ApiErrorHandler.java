package org.probity.common;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.server.ResponseStatusException;

/**
 * The JSON API's error answers: a status, a message a person can act on, and a message per field
 * where fields are at fault. Never a stack trace; a 500 only for Probity's own faults.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
public class ApiErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

  /** The body of every error answer of {@code /api}. */
  public record ApiError(int status, String error, String message, Map<String, String> fields) {}

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ApiError> invalid(InvalidInputException e) {
    return answer(HttpStatus.BAD_REQUEST, e.getMessage(), e.fieldErrors());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ApiError> notValid(MethodArgumentNotValidException e) {
    Map<String, String> fields = new LinkedHashMap<>();
    e.getBindingResult().getFieldErrors().forEach(f -> fields.putIfAbsent(f.getField(), f.getDefaultMessage()));
    return answer(HttpStatus.BAD_REQUEST, "Invalid input", fields);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    return answer(HttpStatus.BAD_REQUEST, "The request body is not valid JSON of the expected shape", Map.of());
  }

  @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
  ResponseEntity<ApiError> badParameter(Exception e) {
    String name =
        e instanceof MissingServletRequestParameterException m
            ? m.getParameterName()
            : ((MethodArgumentTypeMismatchException) e).getName();
    String message =
        e instanceof MissingServletRequestParameterException ? "is required" : "has the wrong format";
    return answer(HttpStatus.BAD_REQUEST, "Parameter '" + name + "' " + message, Map.of(name, message));
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
    return answer(HttpStatus.PAYLOAD_TOO_LARGE, "The upload is larger than allowed", Map.of());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
    return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type", Map.of());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
    return answer(HttpStatus.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not allowed here", Map.of());
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ApiError> denied(AccessDeniedException e) {
    return answer(HttpStatus.FORBIDDEN, "You may not do this", Map.of());
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ApiError> notFound(NotFoundException e) {
    return answer(HttpStatus.NOT_FOUND, e.getMessage(), Map.of());
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<ApiError> status(ResponseStatusException e) {
    HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
    return answer(status, e.getReason() != null ? e.getReason() : status.getReasonPhrase(), Map.of());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
    log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
    return answer(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; it has been logged", Map.of());
  }

  private static ResponseEntity<ApiError> answer(HttpStatus status, String message, Map<String, String> fields) {
    return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), message, fields));
  }
}
