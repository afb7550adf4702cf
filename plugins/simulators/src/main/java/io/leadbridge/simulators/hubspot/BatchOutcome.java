package io.leadbridge.simulators.hubspot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What happened to one batch input: a result object, or an {@code errors[]} entry and its property details. Immutable. */
record BatchOutcome(Map<String, Object> result, Map<String, Object> error, List<Map<String, Object>> details) {

  static BatchOutcome success(SimulatedRecord record, boolean created, UpsertInput input) {
    Map<String, Object> result = new LinkedHashMap<>(RecordJson.all(record));
    result.put("new", created);
    input.traceId().ifPresent(trace -> result.put("objectWriteTraceId", trace));
    return new BatchOutcome(result, null, List.of());
  }

  static BatchOutcome failure(
      UpsertInput input, String category, String message, List<Map<String, Object>> details) {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("id", List.of(input.id()));
    input.traceId().ifPresent(trace -> context.put("objectWriteTraceId", List.of(trace)));
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("status", "error");
    error.put("category", category);
    error.put("message", message);
    error.put("context", context);
    if (!details.isEmpty()) {
      error.put("errors", details);
    }
    return new BatchOutcome(null, error, List.copyOf(details));
  }

  boolean succeeded() {
    return result != null;
  }
}
