package io.leadbridge.simulators.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A tiny real-HTTP client for the HubSpot simulator tests, speaking JSON with a bearer token; thread-safe. */
final class HubSpotHttp {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final URI baseUri;
  private final Optional<String> token;

  HubSpotHttp(URI baseUri, String token) {
    this(baseUri, Optional.of(token));
  }

  private HubSpotHttp(URI baseUri, Optional<String> token) {
    this.baseUri = baseUri;
    this.token = token;
  }

  static HubSpotHttp anonymous(URI baseUri) {
    return new HubSpotHttp(baseUri, Optional.empty());
  }

  /** The bearer token this client sends; empty for an anonymous client. */
  String token() {
    return token.orElse("");
  }

  HttpResponse<String> get(String path) {
    return send(request(path).GET().build());
  }

  HttpResponse<String> post(String path, String json) {
    return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  HttpResponse<String> patch(String path, String json) {
    return send(request(path).method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
  }

  CompletableFuture<HttpResponse<String>> getAsync(String path) {
    return client.sendAsync(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("Not JSON: " + response.body(), e);
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(baseUri.resolve(path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json");
    token.ifPresent(value -> builder.header("Authorization", "Bearer " + value));
    return builder;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
