package org.probity.personnel.internal;

import org.probity.common.ApiErrorHandler.ApiError;
import org.probity.personnel.DuplicateServiceNumberException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A duplicate service number is a conflict with what is stored (409), not malformed input. */
@RestControllerAdvice(assignableTypes = PersonnelApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PersonnelApiErrors {

  @ExceptionHandler(DuplicateServiceNumberException.class)
  ResponseEntity<ApiError> duplicate(DuplicateServiceNumberException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(new ApiError(HttpStatus.CONFLICT.value(), HttpStatus.CONFLICT.getReasonPhrase(), e.getMessage(), e.fieldErrors()));
  }
}
