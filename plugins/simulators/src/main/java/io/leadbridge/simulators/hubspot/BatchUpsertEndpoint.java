package io.leadbridge.simulators.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.simulators.http.SimResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Serves batch/upsert, the idempotent write keyed by a unique property: 200 with new flags, 207 on partial failure, 400 for a bad batch; stateless, so thread-safe. */
final class BatchUpsertEndpoint {
  static final int MAX_INPUTS = 100;

  private final Portal portal;

  BatchUpsertEndpoint(Portal portal) {
    this.portal = portal;
  }

  SimResponse upsert(ApiCall call, HubSpotObjectType type) {
    Instant requestedAt = portal.now();
    RecordStore store = portal.store(type);
    List<UpsertInput> inputs = parseInputs(RequestBodies.json(call.request()));
    inputs.stream()
        .map(UpsertInput::idProperty)
        .flatMap(Optional::stream)
        .distinct()
        .forEach(idProperty -> IdProperties.requireUpsertable(idProperty, store, portal.portalId()));
    rejectDuplicateIds(inputs);
    Instant startedAt = portal.now();
    List<List<PropertyProblem>> problems = inputs.stream().map(input -> problemsOf(input, store)).toList();
    if (portal.batchValidation() == BatchValidationMode.ALL_OR_NOTHING) {
      List<PropertyProblem> all = problems.stream().flatMap(List::stream).toList();
      if (!all.isEmpty()) {
        throw HubSpotApiException.invalidProperties(all);
      }
    }
    List<BatchOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      outcomes.add(apply(inputs.get(i), problems.get(i), store, type));
    }
    return answer(outcomes, requestedAt, startedAt);
  }

  private static List<UpsertInput> parseInputs(JsonNode body) {
    JsonNode inputs = body.path("inputs");
    if (!inputs.isArray()) {
      throw HubSpotApiException.validation("Invalid input JSON: inputs must be an array");
    }
    if (inputs.size() > MAX_INPUTS) {
      throw HubSpotApiException.validation(
          "Batch input size " + inputs.size() + " exceeds the maximum of " + MAX_INPUTS + " inputs");
    }
    List<UpsertInput> parsed = new ArrayList<>();
    inputs.forEach(input -> parsed.add(UpsertInput.parse(input)));
    return parsed;
  }

  private static void rejectDuplicateIds(List<UpsertInput> inputs) {
    Set<String> seen = new LinkedHashSet<>();
    Set<String> duplicates = new LinkedHashSet<>();
    for (UpsertInput input : inputs) {
      if (!seen.add(input.dedupeKey())) {
        duplicates.add(input.id());
      }
    }
    if (!duplicates.isEmpty()) {
      throw HubSpotApiException.validation(
          "Duplicate IDs found in batch input: " + duplicates + ". IDs must be unique");
    }
  }

  private List<PropertyProblem> problemsOf(UpsertInput input, RecordStore store) {
    List<PropertyProblem> problems =
        new ArrayList<>(PropertyValidator.validate(input.properties(), store.schema()));
    if (store.type() == HubSpotObjectType.DEALS) {
      Optional<SimulatedRecord> existing = existing(input, store);
      problems.addAll(
          existing.isPresent()
              ? portal.pipelines().checkStage(input.properties(), existing)
              : portal.pipelines().checkNewDeal(portal.pipelines().withDefaults(input.properties())));
    }
    return problems;
  }

  private BatchOutcome apply(
      UpsertInput input, List<PropertyProblem> problems, RecordStore store, HubSpotObjectType type) {
    if (!problems.isEmpty()) {
      return BatchOutcome.failure(
          input,
          "VALIDATION_ERROR",
          ErrorBodies.propertyValuesMessage(problems),
          problems.stream().map(PropertyProblem::toErrorEntry).toList());
    }
    Map<String, String> properties =
        type == HubSpotObjectType.DEALS ? portal.pipelines().withDefaults(input.properties()) : input.properties();
    try {
      if (input.idProperty().isEmpty()) {
        return store
            .update(input.id(), input.properties(), portal.now())
            .map(record -> BatchOutcome.success(record, false, input))
            .orElseGet(() -> BatchOutcome.failure(input, "OBJECT_NOT_FOUND", "resource not found", List.of()));
      }
      UpsertResult result = store.upsert(input.idProperty().get(), input.id(), properties, portal.now());
      return BatchOutcome.success(result.record(), result.created(), input);
    } catch (UniqueValueConflict conflict) {
      return BatchOutcome.failure(
          input,
          "CONFLICT",
          type.singular() + " already exists. Existing ID: " + conflict.existingId(),
          List.of(Map.of("message", "Value already in use", "code", "CONFLICT", "in", conflict.propertyName())));
    }
  }

  private static Optional<SimulatedRecord> existing(UpsertInput input, RecordStore store) {
    return input.idProperty().isPresent()
        ? store.findByUnique(input.idProperty().get(), input.id())
        : store.get(input.id());
  }

  private SimResponse answer(List<BatchOutcome> outcomes, Instant requestedAt, Instant startedAt) {
    List<Map<String, Object>> results =
        outcomes.stream().filter(BatchOutcome::succeeded).map(BatchOutcome::result).toList();
    List<BatchOutcome> failures = outcomes.stream().filter(outcome -> !outcome.succeeded()).toList();
    if (results.isEmpty() && !failures.isEmpty()) {
      throw everyInputFailed(failures);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "COMPLETE");
    body.put("results", results);
    if (!failures.isEmpty()) {
      body.put("numErrors", failures.size());
      body.put("errors", failures.stream().map(BatchOutcome::error).toList());
    }
    body.put("requestedAt", HubSpotTime.format(requestedAt));
    body.put("startedAt", HubSpotTime.format(startedAt));
    body.put("completedAt", HubSpotTime.format(portal.now()));
    return JsonResponses.json(failures.isEmpty() ? 200 : 207, body);
  }

  /** With nothing written, the batch fails as a whole: a 400 whose errors[] name every bad property. */
  private static HubSpotApiException everyInputFailed(List<BatchOutcome> failures) {
    BatchOutcome first = failures.get(0);
    List<Map<String, Object>> details = failures.stream().flatMap(outcome -> outcome.details().stream()).toList();
    String category = (String) first.error().get("category");
    int status = "CONFLICT".equals(category) ? 409 : "OBJECT_NOT_FOUND".equals(category) ? 404 : 400;
    return new HubSpotApiException(status, category, (String) first.error().get("message"), details);
  }
}
