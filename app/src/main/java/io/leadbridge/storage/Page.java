package io.leadbridge.storage;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a list and the cursor of the next page, if any; immutable.
 *
 * @param items the rows of this page
 * @param nextCursor where the next page starts; empty on the last page
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

  public Page {
    items = List.copyOf(items);
  }

  /**
   * Builds a page from up to {@code limit + 1} fetched rows: the extra row only proves that more
   * exist.
   */
  public static <T> Page<T> fromOverfetch(
      List<T> rows, PageRequest request, Function<T, String> cursorOf) {
    if (rows.size() <= request.limit()) {
      return new Page<>(rows, Optional.empty());
    }
    List<T> page = rows.subList(0, request.limit());
    return new Page<>(page, Optional.of(cursorOf.apply(page.get(page.size() - 1))));
  }

  /** The same page with every item converted, e.g. to its API representation. */
  public <R> Page<R> map(Function<T, R> converter) {
    return new Page<>(items.stream().map(converter).toList(), nextCursor);
  }
}
