package io.leadbridge.rollout;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client side of an Unleash server, as far as the SDK polls it: {@code /api/client/features}
 * answers one fixed client-features document; registration and metrics are accepted. For tests
 * that need a server to go away; thread-safe.
 */
final class FakeUnleashServer implements AutoCloseable {

  private final HttpServer server;
  private final AtomicInteger featureFetches = new AtomicInteger();

  private FakeUnleashServer(HttpServer server) {
    this.server = server;
  }

  /** A server on a free loopback port answering {@code features} (client-features JSON, version 2). */
  static FakeUnleashServer serving(String features) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      FakeUnleashServer fake = new FakeUnleashServer(server);
      server.createContext("/api/client/features", exchange -> {
        fake.featureFetches.incrementAndGet();
        answer(exchange, 200, features);
      });
      server.createContext("/", exchange -> answer(exchange, 202, ""));
      server.start();
      return fake;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  int featureFetches() {
    return featureFetches.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    exchange.getRequestBody().readAllBytes();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }
}
