package io.leadbridge.connector.api.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.FieldSpec;
import io.leadbridge.connector.api.RateLimitProfile;
import io.leadbridge.connector.api.http.RedirectRefusedException;
import io.leadbridge.connector.api.http.ResponseTooLargeException;
import io.leadbridge.connector.api.http.VendorConnectionException;
import io.leadbridge.connector.api.http.VendorHttpException;
import io.leadbridge.connector.api.http.VendorRequest;
import io.leadbridge.connector.api.http.VendorResponse;
import io.leadbridge.connector.api.http.VendorTimeoutException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tests the fake context's real HTTP mode against a loopback server: what reaches the wire, and
 * the host-like refusals. Each test runs confined to one JUnit thread; the server records on its
 * own threads into a thread-safe list.
 */
class PinnedHttpClientTest {

    private static final ConnectorDescriptor DESCRIPTOR = ConnectorDescriptor.builder().id("wire-test")
            .displayName("Wire test").vendor("Test").pluginVersion("1.0.0")
            .credentialField(FieldSpec.builder("token", "Token").secret().build())
            .credentialField(FieldSpec.builder("clientId", "Client id").build())
            .defaultRateLimit(RateLimitProfile.of(10, Duration.ofSeconds(1))).build();

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private URI base;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/");
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " auth="
                + exchange.getRequestHeaders().getFirst("Authorization") + " key="
                + exchange.getRequestHeaders().getFirst("X-Key") + " body=" + body);
        String path = exchange.getRequestURI().getPath();
        if (path.endsWith("/hang")) {
            awaitRelease();
        }
        if (path.endsWith("/elsewhere")) {
            exchange.getResponseHeaders().add("Location", "http://localhost:1/steal");
            respond(exchange, 302, new byte[0]);
        } else if (path.endsWith("/moved")) {
            exchange.getResponseHeaders().add("Location", "/api/landed");
            respond(exchange, 303, new byte[0]);
        } else if (path.endsWith("/huge")) {
            respond(exchange, 200, new byte[PinnedHttpClient.RESPONSE_LIMIT_BYTES + 1]);
        } else {
            exchange.getResponseHeaders().add("X-Echo", "yes");
            respond(exchange, 201, "{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
        }
    }

    private void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private FakeConnectorContext context() {
        return FakeConnectorContext.builder(DESCRIPTOR).baseUrl(base).httpTimeout(Duration.ofMillis(500))
                .credential("token", "tok en/1").credential("clientId", "app").build();
    }

    @Test
    void injectsCredentialsAndResolvesPathAndQueryAgainstTheBaseUrl() throws VendorHttpException {
        FakeConnectorContext context = context();
        VendorRequest request = VendorRequest.post("/v1/things").query("q", "a b&c").jsonBody("{\"x\":1}")
                .bearerCredential("token").headerCredential("X-Key", "clientId").build();

        VendorResponse response = context.http().send(request);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("x-echo")).contains("yes");
        assertThat(response.bodyAsString()).isEqualTo("{\"ok\":true}");
        assertThat(seen).containsExactly("POST /api/v1/things?q=a%20b%26c auth=Bearer tok en/1 key=app body={\"x\":1}");
        assertThat(context.requests()).containsExactly(request);
    }

    @Test
    void appendsFormCredentialsAndSendsBasicAuthentication() throws VendorHttpException {
        context().http().send(VendorRequest.post("/token").basicCredential("clientId", "token")
                .formCredential("client_secret", "token").build());

        assertThat(seen).containsExactly("POST /api/token auth=Basic YXBwOnRvayBlbi8x key=null body=client_secret=tok%20en%2F1");
    }

    @Test
    void followsRedirectsOnlyWithinTheOrigin() throws VendorHttpException {
        FakeConnectorContext context = context();

        VendorResponse landed = context.http().send(VendorRequest.post("/moved").jsonBody("{}").build());

        assertThat(landed.status()).isEqualTo(201);
        assertThat(seen).last().asString().startsWith("GET /api/landed");
        assertThatThrownBy(() -> context.http().send(VendorRequest.get("/elsewhere").bearerCredential("token").build()))
                .isInstanceOf(RedirectRefusedException.class);
        assertThat(seen).noneMatch(line -> line.contains("/steal"));
    }

    @Test
    void capsTheResponseBody() {
        assertThatThrownBy(() -> context().http().send(VendorRequest.get("/huge").build()))
                .isInstanceOf(ResponseTooLargeException.class);
    }

    @Test
    void timesOutWithoutQuotingTheQuery() {
        assertThatThrownBy(() -> context().http().send(VendorRequest.get("/hang").query("email", "dana@example.com").build()))
                .isInstanceOf(VendorTimeoutException.class)
                .hasMessage("GET /hang timed out");
    }

    @Test
    void reportsARefusedConnection() {
        FakeConnectorContext context = context();
        server.stop(0);

        assertThatThrownBy(() -> context.http().send(VendorRequest.get("/gone").build()))
                .isInstanceOf(VendorConnectionException.class)
                .hasMessageStartingWith("GET /gone failed");
    }

    @Test
    void takesEitherAHandlerOrABaseUrl() {
        FakeConnectorContext.Builder both = FakeConnectorContext.builder(DESCRIPTOR).baseUrl(base)
                .http(request -> VendorResponse.of(200, Map.of(), new byte[0]));

        assertThatThrownBy(both::build).isInstanceOf(IllegalArgumentException.class);
    }
}
