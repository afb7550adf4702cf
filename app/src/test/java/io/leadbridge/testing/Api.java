package io.leadbridge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/**
 * A raw HTTP client for one hub, so tests control every header and byte, that checks every exchange
 * against the hub's published contract ({@link ContractCheck}); thread-safe.
 */
public final class Api {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;

  public Api(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public HttpResponse<String> get(String path, String key) {
    return send("GET", path, key, null, null);
  }

  public HttpResponse<String> delete(String path, String key) {
    return send("DELETE", path, key, null, null);
  }

  public HttpResponse<String> postJson(String path, String key, String json) {
    return send("POST", path, key, "application/json", json);
  }

  /** {@code POST /v1/leads} with an {@code Idempotency-Key}, as a tenant's systems send a lead. */
  public HttpResponse<String> postLead(String key, String idempotencyKey, String json) {
    return exchange(HttpRequest.newBuilder(uri("/v1/leads")).timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + key)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", idempotencyKey)
        .POST(BodyPublishers.ofString(json))
        .build(), json);
  }

  /** Any request; {@code key}, {@code contentType} and {@code body} may each be null. */
  public HttpResponse<String> send(String method, String path, String key, String contentType, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
    if (key != null) {
      request.header("Authorization", key.contains(" ") ? key : "Bearer " + key);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    BodyPublisher publisher = body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body);
    return exchange(request.method(method, publisher).build(), body);
  }

  /** Sends a request built by the test itself (against {@link #uri(String)}). */
  public HttpResponse<String> send(HttpRequest request) {
    return exchange(request, null);
  }

  /** Sends a request and checks the exchange against the hub's published contract. */
  private HttpResponse<String> exchange(HttpRequest request, String body) {
    HttpResponse<String> response = transmit(request);
    ContractCheck.verify(base, request, body, response);
    return response;
  }

  private static HttpResponse<String> transmit(HttpRequest request) {
    try {
      try {
        return CLIENT.send(request, BodyHandlers.ofString());
      } catch (IOException staleConnection) {
        // The server may close a kept-alive connection after answering before reading a body
        // (401, 413); a pooled connection can then be dead on reuse. Real clients retry once.
        return CLIENT.send(request, BodyHandlers.ofString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public URI uri(String path) {
    return URI.create(base + path);
  }
}
