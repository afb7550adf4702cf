package io.leadbridge.simulators.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.simulators.http.SimResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Serves search: OR of groups, AND within one, at most 5 groups / 10 per group / 25 filters, offset paging; stateless, so thread-safe. */
final class SearchEndpoint {
  static final int MAX_GROUPS = 5;
  static final int MAX_FILTERS_PER_GROUP = 10;
  static final int MAX_FILTERS = 25;
  private static final int DEFAULT_PAGE = 10;

  private final Portal portal;

  SearchEndpoint(Portal portal) {
    this.portal = portal;
  }

  SimResponse search(ApiCall call, HubSpotObjectType type) {
    RecordStore store = portal.store(type);
    JsonNode body = RequestBodies.json(call.request());
    List<List<SearchFilter>> groups = parseGroups(body.path("filterGroups"), store.schema());
    int limit = Math.min(Math.max(body.path("limit").asInt(DEFAULT_PAGE), 1), portal.searchPageMax());
    int offset = parseOffset(body.path("after").asText("0"));
    List<String> properties = requestedProperties(body.path("properties"), type);
    List<SimulatedRecord> matches = store.all().stream().filter(record -> matchesAny(groups, record)).toList();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("total", matches.size());
    answer.put(
        "results",
        matches.stream().skip(offset).limit(limit).map(record -> RecordJson.selected(record, properties)).toList());
    if (offset + limit < matches.size()) {
      String next = String.valueOf(offset + limit);
      answer.put("paging", Map.of("next", Map.of("after", next)));
    }
    return JsonResponses.json(200, answer);
  }

  private static List<List<SearchFilter>> parseGroups(JsonNode filterGroups, PropertySchema schema) {
    if (filterGroups.size() > MAX_GROUPS) {
      throw HubSpotApiException.validation(
          "Too many filter groups: " + filterGroups.size() + ". The maximum is " + MAX_GROUPS);
    }
    List<List<SearchFilter>> groups = new ArrayList<>();
    int total = 0;
    for (JsonNode group : filterGroups) {
      JsonNode filters = group.path("filters");
      if (filters.size() > MAX_FILTERS_PER_GROUP) {
        throw HubSpotApiException.validation(
            "Too many filters in a group: " + filters.size() + ". The maximum is " + MAX_FILTERS_PER_GROUP);
      }
      total += filters.size();
      List<SearchFilter> parsed = new ArrayList<>();
      filters.forEach(filter -> parsed.add(SearchFilter.parse(filter, schema)));
      groups.add(parsed);
    }
    if (total > MAX_FILTERS) {
      throw HubSpotApiException.validation("Too many filters: " + total + ". The maximum is " + MAX_FILTERS);
    }
    return groups;
  }

  private static boolean matchesAny(List<List<SearchFilter>> groups, SimulatedRecord record) {
    return groups.isEmpty()
        || groups.stream().anyMatch(group -> group.stream().allMatch(filter -> filter.matches(record)));
  }

  private static List<String> requestedProperties(JsonNode properties, HubSpotObjectType type) {
    if (!properties.isArray() || properties.isEmpty()) {
      return type.defaultProperties();
    }
    List<String> names = new ArrayList<>();
    properties.forEach(name -> names.add(name.asText()));
    return names;
  }

  private static int parseOffset(String after) {
    try {
      return Math.max(Integer.parseInt(after), 0);
    } catch (NumberFormatException e) {
      throw HubSpotApiException.validation("Invalid paging cursor: " + after);
    }
  }
}
