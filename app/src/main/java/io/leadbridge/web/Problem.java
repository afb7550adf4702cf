package io.leadbridge.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.leadbridge.errors.FieldError;
import java.util.List;

/**
 * An RFC 9457 problem-details body, the only shape an error response of the hub has; immutable.
 *
 * @param type a URN naming the problem kind ({@code urn:leadbridge:problem:<code>})
 * @param code the stable, machine-readable error code
 * @param detail what went wrong, for humans; absent on 5xx
 * @param errors the invalid fields, when there are any
 * @param errorId 16 hex digits that also appear in the log when the hub logged the failure
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type,
    String title,
    int status,
    String code,
    String detail,
    List<FieldError> errors,
    String errorId) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** A problem whose title is the status's reason phrase. */
  public static Problem of(int status, String code, String detail, List<FieldError> errors) {
    return new Problem(
        "urn:leadbridge:problem:" + code,
        HttpStatusTitles.title(status),
        status,
        code,
        detail,
        errors.isEmpty() ? null : List.copyOf(errors),
        ErrorIds.next());
  }
}
