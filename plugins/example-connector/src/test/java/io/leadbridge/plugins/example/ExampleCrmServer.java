package io.leadbridge.plugins.example;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Example CRM of {@link ExampleConnector}'s contract on a loopback port, storing leads by
 * their {@code Idempotency-Key}; tests can queue forced answers (429, 5xx, 422). Thread-safe.
 */
final class ExampleCrmServer implements AutoCloseable {

    private final String apiKey;
    private final HttpServer server;
    private final Map<String, String> vendorIdByLeadId = new ConcurrentHashMap<>();
    private final Map<String, String> bodyByLeadId = new ConcurrentHashMap<>();
    private final List<String> apiKeysSeen = new CopyOnWriteArrayList<>();
    private final Queue<int[]> forced = new ConcurrentLinkedQueue<>();

    ExampleCrmServer(String apiKey) throws IOException {
        this.apiKey = apiKey;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/crm/leads", this::leads);
        server.createContext("/crm/me", exchange -> respond(exchange, authorised(exchange) ? 200 : 401, Map.of()));
        server.start();
    }

    /** The base URL a tenant would give: the CRM lives under {@code /crm}. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/crm");
    }

    /** Answers the next {@code POST /leads} with this status (and {@code Retry-After} if not negative). */
    void forceNext(int status, int retryAfterSeconds) {
        forced.add(new int[] {status, retryAfterSeconds});
    }

    Map<String, String> storedBodies() {
        return Map.copyOf(bodyByLeadId);
    }

    List<String> apiKeysSeen() {
        return List.copyOf(apiKeysSeen);
    }

    private void leads(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!authorised(exchange)) {
            respond(exchange, 401, Map.of());
            return;
        }
        int[] force = forced.poll();
        if (force != null) {
            respond(exchange, force[0], force[1] < 0 ? Map.of() : Map.of("Retry-After", Integer.toString(force[1])));
            return;
        }
        String leadId = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        boolean created = !vendorIdByLeadId.containsKey(leadId);
        String vendorId = vendorIdByLeadId.computeIfAbsent(leadId, key -> "crm-" + (vendorIdByLeadId.size() + 1));
        bodyByLeadId.put(leadId, body);
        respond(exchange, created ? 201 : 200, Map.of("Location", "/crm/leads/" + vendorId));
    }

    private boolean authorised(HttpExchange exchange) {
        String key = exchange.getRequestHeaders().getFirst("X-Api-Key");
        apiKeysSeen.add(String.valueOf(key));
        return apiKey.equals(key);
    }

    private static void respond(HttpExchange exchange, int status, Map<String, String> headers) throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
