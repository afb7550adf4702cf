package io.leadbridge.simulators.hubspot;

import io.leadbridge.simulators.http.Json;
import io.leadbridge.simulators.http.SimResponse;

/** Builds JSON responses with HubSpot's content type. Stateless, so thread-safe. */
final class JsonResponses {
  private JsonResponses() {}

  static SimResponse json(int status, Object body) {
    return SimResponse.of(status, "application/json;charset=utf-8", Json.write(body));
  }
}
