package io.leadbridge.web;

import io.leadbridge.storage.Page;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;

/**
 * The API's list envelope {@code {"items": [...], "nextCursor": "..."|null}}; immutable.
 */
public record ListResponse<T>(List<T> items, @Schema(nullable = true) String nextCursor) {

  public static <S, T> ListResponse<T> of(Page<S> page, Function<S, T> view) {
    Page<T> mapped = page.map(view);
    return new ListResponse<>(mapped.items(), mapped.nextCursor().orElse(null));
  }
}
