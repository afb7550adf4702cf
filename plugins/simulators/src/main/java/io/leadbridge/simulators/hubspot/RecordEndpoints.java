package io.leadbridge.simulators.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.simulators.http.SimResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Single-record endpoints: create (409 on a taken unique value), read by id or idProperty, list with paging, update. Stateless, so thread-safe. */
final class RecordEndpoints {
  private static final int DEFAULT_PAGE = 10;
  private static final int MAX_PAGE = 100;

  private final Portal portal;

  RecordEndpoints(Portal portal) {
    this.portal = portal;
  }

  SimResponse create(ApiCall call, HubSpotObjectType type) {
    RecordStore store = portal.store(type);
    JsonNode body = RequestBodies.json(call.request());
    Map<String, String> properties = RequestBodies.properties(body);
    List<PropertyProblem> problems = new ArrayList<>(PropertyValidator.validate(properties, store.schema()));
    if (type == HubSpotObjectType.DEALS) {
      properties = portal.pipelines().withDefaults(properties);
      problems.addAll(portal.pipelines().checkNewDeal(properties));
    }
    if (!problems.isEmpty()) {
      throw HubSpotApiException.invalidProperties(problems);
    }
    List<SimulatedAssociation> associations = AssociationParser.parse(body, type, portal);
    try {
      SimulatedRecord created = store.create(properties, associations, portal.now());
      return JsonResponses.json(201, RecordJson.all(created));
    } catch (UniqueValueConflict conflict) {
      throw HubSpotApiException.conflict(
          type.singular() + " already exists. Existing ID: " + conflict.existingId());
    }
  }

  SimResponse read(ApiCall call, HubSpotObjectType type, String idOrValue) {
    SimulatedRecord record = find(call, type, idOrValue);
    List<String> properties = RecordJson.requestedProperties(call.request().queryParam("properties"), type);
    return JsonResponses.json(200, RecordJson.selected(record, properties));
  }

  SimResponse update(ApiCall call, HubSpotObjectType type, String idOrValue) {
    RecordStore store = portal.store(type);
    SimulatedRecord existing = find(call, type, idOrValue);
    Map<String, String> changes = RequestBodies.properties(RequestBodies.json(call.request()));
    List<PropertyProblem> problems = new ArrayList<>(PropertyValidator.validate(changes, store.schema()));
    if (type == HubSpotObjectType.DEALS) {
      problems.addAll(portal.pipelines().checkStage(changes, Optional.of(existing)));
    }
    if (!problems.isEmpty()) {
      throw HubSpotApiException.invalidProperties(problems);
    }
    try {
      SimulatedRecord updated =
          store.update(existing.id(), changes, portal.now()).orElseThrow(RecordEndpoints::notFound);
      return JsonResponses.json(200, RecordJson.all(updated));
    } catch (UniqueValueConflict conflict) {
      throw HubSpotApiException.conflict(
          type.singular() + " already exists. Existing ID: " + conflict.existingId());
    }
  }

  /** Lists by id with an opaque {@code after} cursor; {@code paging} is left out on the last page. */
  SimResponse list(ApiCall call, HubSpotObjectType type) {
    int limit = Math.min(Math.max(intParam(call, "limit", DEFAULT_PAGE), 1), MAX_PAGE);
    long after = call.request().queryParam("after").map(RecordEndpoints::cursor).orElse(0L);
    List<SimulatedRecord> page = portal.store(type).page(after, limit + 1);
    List<String> properties = RecordJson.requestedProperties(call.request().queryParam("properties"), type);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "results",
        page.stream().limit(limit).map(record -> RecordJson.selected(record, properties)).toList());
    if (page.size() > limit) {
      String next = page.get(limit).id();
      String link =
          portal.baseUri() + "/crm/v3/objects/" + type.pathName() + "?limit=" + limit + "&after=" + next;
      body.put("paging", Map.of("next", Map.of("after", next, "link", link)));
    }
    return JsonResponses.json(200, body);
  }

  private SimulatedRecord find(ApiCall call, HubSpotObjectType type, String idOrValue) {
    RecordStore store = portal.store(type);
    Optional<String> idProperty = call.request().queryParam("idProperty");
    if (idProperty.isEmpty() || IdProperties.OBJECT_ID.equals(idProperty.get())) {
      return store.get(idOrValue).orElseThrow(RecordEndpoints::notFound);
    }
    IdProperties.requireUnique(idProperty.get(), store, portal.portalId());
    return store.findByUnique(idProperty.get(), idOrValue).orElseThrow(RecordEndpoints::notFound);
  }

  private static HubSpotApiException notFound() {
    return HubSpotApiException.notFound("resource not found");
  }

  private static long cursor(String after) {
    return RecordStore.parseId(after)
        .orElseThrow(() -> HubSpotApiException.validation("Invalid paging cursor: " + after));
  }

  private static int intParam(ApiCall call, String name, int fallback) {
    Optional<String> value = call.request().queryParam(name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.get());
    } catch (NumberFormatException e) {
      throw HubSpotApiException.validation("Invalid " + name + ": " + value.get());
    }
  }
}
