package io.leadbridge.simulators.hubspot;

import io.leadbridge.simulators.http.SimRequest;
import java.util.List;
import java.util.Optional;

/** Maps method and path to the simulator's endpoints, HubSpot's URL layout in one place. Stateless, so thread-safe. */
final class HubSpotRoutes {
  private static final String USAGE_PATH = "/account-info/v3/api-usage/daily/private-apps";
  private static final String DETAILS_PATH = "/account-info/v3/details";
  private static final String OBJECTS_PREFIX = "/crm/v3/objects/";

  private final RecordEndpoints records;
  private final BatchUpsertEndpoint batchUpsert;
  private final SearchEndpoint search;
  private final ApiUsageEndpoint usage;
  private final AccountDetailsEndpoint details;

  HubSpotRoutes(Portal portal) {
    this.records = new RecordEndpoints(portal);
    this.batchUpsert = new BatchUpsertEndpoint(portal);
    this.search = new SearchEndpoint(portal);
    this.usage = new ApiUsageEndpoint(portal);
    this.details = new AccountDetailsEndpoint(portal);
  }

  /** The endpoint for this request; unknown paths and wrong methods answer 404 / 405. */
  Route match(SimRequest request) {
    String path = request.path();
    String method = request.method();
    if (path.equals(USAGE_PATH)) {
      return method.equals("GET") ? new Route(false, usage::usage) : methodNotAllowed();
    }
    if (path.equals(DETAILS_PATH)) {
      return method.equals("GET") ? new Route(false, details::details) : methodNotAllowed();
    }
    if (!path.startsWith(OBJECTS_PREFIX)) {
      return notFound();
    }
    List<String> segments = List.of(path.substring(OBJECTS_PREFIX.length()).split("/"));
    Optional<HubSpotObjectType> type = HubSpotObjectType.fromPath(segments.get(0));
    if (type.isEmpty()) {
      return notFound();
    }
    return matchObjectPath(method, type.get(), segments.subList(1, segments.size()));
  }

  private Route matchObjectPath(String method, HubSpotObjectType type, List<String> rest) {
    if (rest.isEmpty()) {
      return switchMethod(
          method, "GET", new Route(false, call -> records.list(call, type)),
          "POST", new Route(false, call -> records.create(call, type)));
    }
    if (rest.equals(List.of("batch", "upsert"))) {
      return method.equals("POST") ? new Route(false, call -> batchUpsert.upsert(call, type)) : methodNotAllowed();
    }
    if (rest.equals(List.of("search"))) {
      return method.equals("POST") ? new Route(true, call -> search.search(call, type)) : methodNotAllowed();
    }
    if (rest.size() == 1) {
      String id = rest.get(0);
      return switchMethod(
          method, "GET", new Route(false, call -> records.read(call, type, id)),
          "PATCH", new Route(false, call -> records.update(call, type, id)));
    }
    return notFound();
  }

  private static Route switchMethod(
      String method, String firstMethod, Route first, String secondMethod, Route second) {
    if (method.equals(firstMethod)) {
      return first;
    }
    return method.equals(secondMethod) ? second : methodNotAllowed();
  }

  private static Route notFound() {
    return new Route(false, call -> {
      throw HubSpotApiException.notFound("No endpoint at " + call.request().method() + " " + call.request().path());
    });
  }

  private static Route methodNotAllowed() {
    return new Route(false, call -> {
      throw new HubSpotApiException(
          405, "VALIDATION_ERROR", "Method " + call.request().method() + " is not allowed here", List.of());
    });
  }
}
