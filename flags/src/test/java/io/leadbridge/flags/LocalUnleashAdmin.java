package io.leadbridge.flags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What the real-server tests do to a {@link LocalUnleashServer} through its Admin API, as a
 * product manager would in the UI: read a flag, switch it, widen a rollout, add a strategy, create
 * a client token. Every call must answer 2xx or the test fails with the call and the answer.
 * Thread-safe (immutable settings, a thread-safe HTTP client and ObjectMapper).
 */
public final class LocalUnleashAdmin {

  public static final String PROJECT = "default";
  public static final String ENVIRONMENT = "development";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI server;

  LocalUnleashAdmin(URI server) {
    this.server = server;
  }

  /** The Admin API path of a flag in the default project. */
  public static String featurePath(String flag) {
    return "/api/admin/projects/" + PROJECT + "/features/" + flag;
  }

  /** One Admin API call; the parsed answer (an empty object for an empty body). */
  public JsonNode call(String method, String path, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path))
        .timeout(Duration.ofSeconds(20))
        .header("Authorization", LocalUnleashServer.ADMIN_TOKEN)
        .header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() < 200 || response.statusCode() > 299) {
        throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + method + " " + path, e);
    }
  }

  /** The flag's settings in one environment: enabled, strategies. */
  public JsonNode environment(String flag, String environment) {
    for (JsonNode candidate : call("GET", featurePath(flag), null).path("environments")) {
      if (environment.equals(candidate.path("name").asText())) {
        return candidate;
      }
    }
    throw new AssertionError("flag " + flag + " has no environment " + environment);
  }

  /** Switches the flag on or off in the development environment (the UI's toggle). */
  public void switchFlag(String flag, boolean on) {
    call("POST", environmentPath(flag) + (on ? "/on" : "/off"), null);
  }

  /** Adds a strategy (Admin API JSON) to the flag in the development environment. */
  public void addStrategy(String flag, String strategyJson) {
    call("POST", environmentPath(flag) + "/strategies", strategyJson);
  }

  /**
   * Sets the percentage of the flag's unconstrained flexibleRollout (the one {@code flags sync}
   * created) in the development environment: what a product manager drags in the UI.
   */
  public void setRollout(String flag, int percentage) {
    for (JsonNode strategy : environment(flag, ENVIRONMENT).path("strategies")) {
      if (TenantRollout.STRATEGY_NAME.equals(strategy.path("name").asText()) && strategy.path("constraints").isEmpty()) {
        call("PATCH", environmentPath(flag) + "/strategies/" + strategy.path("id").asText(),
            "[{\"op\":\"replace\",\"path\":\"/parameters/rollout\",\"value\":\"" + percentage + "\"}]");
        return;
      }
    }
    throw new AssertionError("flag " + flag + " has no unconstrained " + TenantRollout.STRATEGY_NAME + " strategy");
  }

  /** Creates a client (backend) token for the development environment and returns its secret. */
  public String createClientToken(String name) {
    ObjectNode body = JSON.createObjectNode()
        .put("tokenName", name)
        .put("type", "backend")
        .put("environment", ENVIRONMENT);
    body.putArray("projects").add(PROJECT);
    return call("POST", "/api/admin/api-tokens", body.toString()).path("secret").asText();
  }

  private static String environmentPath(String flag) {
    return featurePath(flag) + "/environments/" + ENVIRONMENT;
  }
}
