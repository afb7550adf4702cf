package io.leadbridge.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A vendor on 127.0.0.1 for tests that make connectors call out: answers each path with a handler the
 * test sets (404 otherwise) and records every request it received. Thread-safe.
 */
public final class VendorServer implements AutoCloseable {

  /** One request as the vendor saw it; immutable. */
  public record Received(String method, String path, String rawQuery, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  /** Answers one request. */
  @FunctionalInterface
  public interface Handler {
    void handle(HttpExchange exchange) throws IOException, InterruptedException;
  }

  private final HttpServer server;
  private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  public VendorServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::serve);
    server.start();
  }

  /** The base URL {@code http://127.0.0.1:<port><path>}. */
  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public VendorServer on(String path, Handler handler) {
    handlers.put(path, handler);
    return this;
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  /** Answers with a status, headers and a UTF-8 body. */
  public static void respond(HttpExchange exchange, int status, String body, String... headers) throws IOException {
    for (int i = 0; i < headers.length; i += 2) {
      exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  private void serve(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body));
    Handler handler = handlers.get(exchange.getRequestURI().getPath());
    try {
      if (handler == null) {
        respond(exchange, 404, "");
      } else {
        handler.handle(exchange);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
