package io.leadbridge.errors;

import java.util.Objects;

/**
 * One invalid field of a request, by its JSON path; immutable.
 *
 * @param field the JSON path of the field, e.g. {@code customer.emails[0]}
 * @param message what is wrong with it, never echoing the value
 */
public record FieldError(String field, String message) {
  public FieldError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }
}
