package io.leadbridge.web;

import io.leadbridge.errors.ErrorKind;
import io.leadbridge.errors.FieldError;
import io.leadbridge.errors.LeadbridgeException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads optional query parameters the same way on every resource, with one error for a bad one. Stateless. */
public final class QueryParams {

  private QueryParams() {}

  /**
   * An optional UUID filter such as {@code ?tenantId=}; absent or empty means no filter.
   *
   * @throws InvalidQuery if the value is not a UUID
   */
  public static Optional<UUID> optionalUuid(String name, String value) {
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(value));
    } catch (IllegalArgumentException e) {
      throw new InvalidQuery(name, "is not a UUID");
    }
  }

  /** A query parameter that is not acceptable: 400 {@code invalid_query} naming it. */
  public static final class InvalidQuery extends LeadbridgeException {
    private static final long serialVersionUID = 1L;

    public InvalidQuery(String name, String problem) {
      super(ErrorKind.BAD_REQUEST, "invalid_query", "invalid query parameters", List.of(new FieldError(name, problem)));
    }
  }
}
