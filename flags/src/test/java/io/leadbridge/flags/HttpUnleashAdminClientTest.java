package io.leadbridge.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks the HTTP details the real-server test cannot provoke: base paths, paging, error messages
 * without the token. Uses a loopback stub server; not shared between threads.
 */
class HttpUnleashAdminClientTest {

  private static final String TOKEN = "*:*.stub-secret-token";
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private HttpServer stub;

  @BeforeEach
  void startStub() throws IOException {
    stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    stub.createContext("/", this::answer);
    stub.start();
  }

  @AfterEach
  void stopStub() {
    stub.stop(0);
  }

  @Test
  void keepsABasePathAndAcceptsATrailingApi() {
    client("/unleash/api/").liveFlags("default", "development");

    assertThat(requests).containsExactly("GET /unleash/api/admin/projects/default/features");
    assertThat(authorizations).containsExactly(TOKEN);
  }

  @Test
  void readsStrategyPresenceForTheEnvironment() {
    List<ServerFlag> flags = client("").liveFlags("default", "development");

    assertThat(flags).containsExactly(new ServerFlag("connector.hubspot", "permission", "d", true));
    assertThat(client("").liveFlags("default", "production"))
        .containsExactly(new ServerFlag("connector.hubspot", "permission", "d", false));
  }

  @Test
  void walksEveryArchivePage() {
    List<ServerFlag> archived = client("").archivedFlags("default", "development");

    assertThat(archived).hasSize(150);
    assertThat(requests).containsExactly(
        "GET /api/admin/search/features?archived=IS%3Atrue&project=IS%3Adefault&limit=100&offset=0",
        "GET /api/admin/search/features?archived=IS%3Atrue&project=IS%3Adefault&limit=100&offset=100");
  }

  @Test
  void anErrorNamesTheCallAndTheReasonButNotTheToken() {
    assertThatThrownBy(() -> client("").archiveFlag("default", "refused.flag"))
        .isInstanceOfSatisfying(UnleashApiException.class, e -> {
          assertThat(e.status()).isEqualTo(401);
          assertThat(e.getMessage())
              .isEqualTo("Unleash Admin API DELETE /api/admin/projects/default/features/refused.flag failed:"
                  + " HTTP 401 You must log in to use Unleash.")
              .doesNotContain(TOKEN);
        });
  }

  @Test
  void anUnknownProjectIsNamed() {
    assertThatThrownBy(() -> client("").verifyTarget("nope", "development"))
        .isInstanceOf(UnleashApiException.class).hasMessageContaining("project 'nope' does not exist");
  }

  @Test
  void anUnreachableServerIsNamedWithoutTheToken() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    HttpUnleashAdminClient client = new HttpUnleashAdminClient(URI.create("http://127.0.0.1:" + closedPort), TOKEN);

    assertThatThrownBy(() -> client.liveFlags("default", "development"))
        .isInstanceOf(UnleashApiException.class)
        .hasMessageContaining("cannot reach Unleash at http://127.0.0.1:" + closedPort)
        .message().doesNotContain(TOKEN);
    assertThat(client.toString()).doesNotContain(TOKEN);
  }

  @Test
  void refusesNonHttpUrlsAndMissingTokens() {
    assertThatThrownBy(() -> new HttpUnleashAdminClient(URI.create("file:///etc/passwd"), TOKEN))
        .isInstanceOf(FlagsException.class);
    assertThatThrownBy(() -> new HttpUnleashAdminClient(URI.create("http://127.0.0.1:4242"), " "))
        .isInstanceOf(FlagsException.class);
  }

  private HttpUnleashAdminClient client(String basePath) {
    return new HttpUnleashAdminClient(
        URI.create("http://127.0.0.1:" + stub.getAddress().getPort() + basePath), TOKEN);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    requests.add(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
    authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
    if (path.endsWith("/features") && path.contains("/projects/")) {
      respond(exchange, 200, "{\"features\":[{\"name\":\"connector.hubspot\",\"type\":\"permission\","
          + "\"description\":\"d\",\"environments\":[{\"name\":\"development\",\"hasStrategies\":true},"
          + "{\"name\":\"production\",\"hasStrategies\":false}]}]}");
    } else if (path.equals("/api/admin/search/features")) {
      int count = query.endsWith("offset=0") ? 100 : 50;
      StringBuilder features = new StringBuilder();
      for (int i = 0; i < count; i++) {
        features.append(i == 0 ? "" : ",").append("{\"name\":\"old.flag-").append(query.hashCode()).append(i)
            .append("\",\"type\":\"release\",\"environments\":[]}");
      }
      respond(exchange, 200, "{\"features\":[" + features + "],\"total\":150}");
    } else if (path.endsWith("/overview")) {
      respond(exchange, 404, "{\"name\":\"NotFoundError\",\"message\":\"No project found\"}");
    } else {
      respond(exchange, 401, "{\"name\":\"UnauthorizedError\",\"message\":\"You must log in to use Unleash.\"}");
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
