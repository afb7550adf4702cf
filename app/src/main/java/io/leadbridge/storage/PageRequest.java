package io.leadbridge.storage;

import io.leadbridge.errors.ErrorKind;
import io.leadbridge.errors.FieldError;
import io.leadbridge.errors.LeadbridgeException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A keyset page request: at most {@code limit} rows after a (created_at, id) position; immutable.
 *
 * <p>The cursor is opaque to callers; it encodes the last row's sort key so pages stay stable
 * while rows are added.
 */
public record PageRequest(int limit, Optional<Position> after) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  /** The sort key of the last row of the previous page. */
  public record Position(Instant createdAt, UUID id) {}

  /**
   * Builds a request from the API's {@code limit} and {@code cursor} query parameters.
   *
   * @throws InvalidPageRequestException when the limit is outside 1–200 or the cursor is not one
   *     this API issued
   */
  public static PageRequest of(Integer limit, String cursor) {
    int effective = limit == null ? DEFAULT_LIMIT : limit;
    if (effective < 1 || effective > MAX_LIMIT) {
      throw new InvalidPageRequestException(new FieldError("limit", "must be between 1 and 200"));
    }
    if (cursor == null || cursor.isEmpty()) {
      return new PageRequest(effective, Optional.empty());
    }
    return new PageRequest(effective, Optional.of(decode(cursor)));
  }

  /** The cursor that continues after the given row. */
  public static String cursorAfter(Instant createdAt, UUID id) {
    String raw = createdAt.getEpochSecond() + ":" + createdAt.getNano() + ":" + id;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** The creation time the page starts after; rows created at that instant are ordered by id. */
  public Instant afterCreatedAt() {
    return after.map(Position::createdAt).orElse(Instant.EPOCH);
  }

  /** The id tie-breaker for SQL; the nil UUID when there is no cursor. */
  public UUID afterId() {
    return after.map(Position::id).orElse(new UUID(0, 0));
  }

  private static Position decode(String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = raw.split(":", 3);
      if (parts.length != 3) {
        throw new IllegalArgumentException("cursor shape");
      }
      Instant at = Instant.ofEpochSecond(Long.parseLong(parts[0]), Integer.parseInt(parts[1]));
      return new Position(at, UUID.fromString(parts[2]));
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new InvalidPageRequestException(new FieldError("cursor", "is not a valid cursor"));
    }
  }

  /** A limit or cursor the API cannot serve, whether out of range or not even of the right type. */
  public static final class InvalidPageRequestException extends LeadbridgeException {
    private static final long serialVersionUID = 1L;

    public InvalidPageRequestException(FieldError error) {
      super(ErrorKind.BAD_REQUEST, "invalid_page_request", "invalid paging parameters", List.of(error));
    }
  }
}
