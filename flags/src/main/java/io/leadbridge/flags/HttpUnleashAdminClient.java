package io.leadbridge.flags;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@link UnleashAdminApi} over HTTP with the JDK client, so the flags module needs no Unleash SDK.
 * Thread-safe: it holds only immutable settings, a thread-safe {@link HttpClient} and ObjectMapper.
 *
 * <p>Verified against unleash-server 8.2.0. The admin token is sent only in the Authorization header
 * and never appears in a message or {@link #toString()}.
 */
public final class HttpUnleashAdminClient implements UnleashAdminApi {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
  /** The search API caps a page at 100 and silently falls back to 50 for a larger limit. */
  private static final int SEARCH_PAGE_SIZE = 100;
  /** Bounds the archive walk even if the server kept reporting more pages. */
  private static final int MAX_SEARCH_PAGES = 1000;
  private static final int MAX_ERROR_DETAIL = 300;

  private final URI serverUrl;
  private final String adminToken;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * A client for the server at {@code serverUrl} (the address the UI is on, e.g.
   * {@code http://127.0.0.1:4242}; a trailing {@code /api} is accepted too).
   */
  public HttpUnleashAdminClient(URI serverUrl, String adminToken) {
    this.serverUrl = normalize(serverUrl);
    this.adminToken = requireToken(adminToken);
    this.http = HttpClient.newBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Override
  public void verifyTarget(String project, String environment) {
    Response overview = send("GET", projectPath(project) + "/overview", null);
    if (overview.status() == 404) {
      throw new UnleashApiException("project '" + project + "' does not exist on " + serverUrl, 404);
    }
    overview.requireSuccess();
    JsonNode environments = get("/api/admin/environments/project/" + segment(project)).path("environments");
    for (JsonNode candidate : environments) {
      if (environment.equals(candidate.path("name").asText())) {
        if (candidate.path("enabled").asBoolean() && candidate.path("visible").asBoolean()) {
          return;
        }
        throw new UnleashApiException(
            "environment '" + environment + "' is not enabled in project '" + project + "'", 0);
      }
    }
    throw new UnleashApiException("environment '" + environment + "' does not exist on " + serverUrl, 0);
  }

  @Override
  public List<ServerFlag> liveFlags(String project, String environment) {
    return toServerFlags(get(projectPath(project) + "/features").path("features"), environment);
  }

  @Override
  public List<ServerFlag> archivedFlags(String project, String environment) {
    List<ServerFlag> archived = new ArrayList<>();
    for (int page = 0; page < MAX_SEARCH_PAGES; page++) {
      JsonNode result = get("/api/admin/search/features?archived=IS%3Atrue"
          + "&project=" + query("IS:" + project)
          + "&limit=" + SEARCH_PAGE_SIZE
          + "&offset=" + page * SEARCH_PAGE_SIZE);
      List<ServerFlag> flags = toServerFlags(result.path("features"), environment);
      archived.addAll(flags);
      if (flags.isEmpty() || archived.size() >= result.path("total").asInt()) {
        return archived;
      }
    }
    throw new UnleashApiException("the archive of project '" + project + "' has more than "
        + MAX_SEARCH_PAGES * SEARCH_PAGE_SIZE + " flags; refusing to read further", 0);
  }

  @Override
  public void createFlag(String project, String name, FlagType type, String description) {
    ObjectNode body = json.createObjectNode();
    body.put("name", name);
    body.put("type", type.unleashName());
    body.put("description", description);
    body.put("impressionData", false);
    send("POST", projectPath(project) + "/features", body).requireSuccess();
  }

  @Override
  public void updateFlag(String project, String name, FlagType type, String description) {
    ArrayNode patch = json.createArrayNode();
    patch.addObject().put("op", "replace").put("path", "/description").put("value", description);
    patch.addObject().put("op", "replace").put("path", "/type").put("value", type.unleashName());
    send("PATCH", featurePath(project, name), patch).requireSuccess();
  }

  @Override
  public void addStrategy(String project, String name, String environment, TenantRollout rollout) {
    send("POST", environmentPath(project, name, environment) + "/strategies",
        StrategyJson.flexibleRollout(name, rollout)).requireSuccess();
  }

  @Override
  public void setEnabled(String project, String name, String environment, boolean enabled) {
    send("POST", environmentPath(project, name, environment) + (enabled ? "/on" : "/off"), null)
        .requireSuccess();
  }

  @Override
  public void archiveFlag(String project, String name) {
    send("DELETE", featurePath(project, name), null).requireSuccess();
  }

  @Override
  public void reviveFlag(String name) {
    send("POST", "/api/admin/archive/revive/" + segment(name), null).requireSuccess();
  }

  @Override
  public String toString() {
    return "HttpUnleashAdminClient[" + serverUrl + "]";
  }

  private List<ServerFlag> toServerFlags(JsonNode features, String environment) {
    List<ServerFlag> flags = new ArrayList<>();
    for (JsonNode feature : features) {
      flags.add(new ServerFlag(
          feature.path("name").asText(),
          feature.path("type").asText(),
          feature.path("description").asText(""),
          hasStrategies(feature, environment)));
    }
    return flags;
  }

  private static boolean hasStrategies(JsonNode feature, String environment) {
    for (JsonNode candidate : feature.path("environments")) {
      if (environment.equals(candidate.path("name").asText())) {
        return candidate.path("hasStrategies").asBoolean();
      }
    }
    return false;
  }

  private JsonNode get(String path) {
    Response response = send("GET", path, null);
    response.requireSuccess();
    return response.body();
  }

  private Response send(String method, String path, JsonNode body) {
    // Relative resolution keeps a base path such as https://host/unleash/ in front of /api.
    HttpRequest.Builder request = HttpRequest.newBuilder(serverUrl.resolve(path.substring(1)))
        .timeout(REQUEST_TIMEOUT)
        .header("Authorization", adminToken)
        .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8));
    }
    String call = method + " " + path;
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(call, response.statusCode(), parse(response.body()));
    } catch (IOException e) {
      throw new UnleashApiException("cannot reach Unleash at " + serverUrl + " (" + call + "): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnleashApiException("interrupted during " + call, e);
    }
  }

  private String write(JsonNode body) {
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new FlagsException("cannot serialise an Admin API request", e);
    }
  }

  /** Error bodies are not always JSON (a proxy's HTML page, an empty 202); keep them as text then. */
  private JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return json.createObjectNode();
    }
    try {
      return json.readTree(body);
    } catch (JsonProcessingException e) {
      return json.createObjectNode().put("message", body);
    }
  }

  private static String projectPath(String project) {
    return "/api/admin/projects/" + segment(project);
  }

  private static String featurePath(String project, String name) {
    return projectPath(project) + "/features/" + segment(name);
  }

  private static String environmentPath(String project, String name, String environment) {
    return featurePath(project, name) + "/environments/" + segment(environment);
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static URI normalize(URI serverUrl) {
    Objects.requireNonNull(serverUrl, "serverUrl");
    String scheme = serverUrl.getScheme() == null ? "" : serverUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FlagsException("Unleash URL must be http or https, got '" + serverUrl + "'");
    }
    String text = serverUrl.toString().replaceAll("/+$", "");
    text = text.endsWith("/api") ? text.substring(0, text.length() - "/api".length()) : text;
    return URI.create(text + "/");
  }

  private static String requireToken(String adminToken) {
    if (adminToken == null || adminToken.isBlank()) {
      throw new FlagsException("an Unleash admin API token is required");
    }
    return adminToken;
  }

  /** One answer from the server, with enough context for an error message. Immutable. */
  private record Response(String call, int status, JsonNode body) {

    void requireSuccess() {
      if (status < 200 || status > 299) {
        String detail = body.path("message").asText("");
        detail = detail.length() > MAX_ERROR_DETAIL ? detail.substring(0, MAX_ERROR_DETAIL) + "..." : detail;
        throw new UnleashApiException("Unleash Admin API " + call + " failed: HTTP " + status
            + (detail.isEmpty() ? "" : " " + detail), status);
      }
    }
  }
}
