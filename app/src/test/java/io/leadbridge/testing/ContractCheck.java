package io.leadbridge.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Checks each exchange a test has with a hub against the OpenAPI document that hub publishes, so
 * every contract test also proves the document; thread-safe (one validator per hub, cached).
 *
 * <p>A response is checked strictly: its status must be documented for the operation, its media
 * type declared and its body valid against the schema with no undocumented field (the published
 * document lets responses grow within v1; here every response object is closed). A request the
 * document calls invalid must not succeed. Requests outside the document (unknown paths, methods
 * no operation has, the admin port) are not the contract's business and are left to their tests.
 */
public final class ContractCheck {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final Map<String, Optional<OpenApiInteractionValidator>> VALIDATORS = new ConcurrentHashMap<>();
  private static final Set<String> OUTSIDE_THE_DOCUMENT =
      Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

  /** When set, discrepancies are appended to this file instead of failing the test. */
  private static final String SURVEY = System.getProperty("leadbridge.contract.survey");

  private ContractCheck() {}

  private static synchronized void survey(String line) {
    try {
      Files.writeString(Path.of(SURVEY), line + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Fails with every discrepancy between this exchange and the hub's document.
   *
   * @param body the request body as sent, or null when there was none or the test built it itself
   */
  public static void verify(String base, HttpRequest request, String body, HttpResponse<String> response) {
    if (!base.equals(baseOf(request.uri())) || request.uri().getPath().equals("/openapi.json")) {
      return;
    }
    Optional<OpenApiInteractionValidator> published = VALIDATORS.computeIfAbsent(base, ContractCheck::load);
    if (published.isEmpty()) {
      return;
    }
    OpenApiInteractionValidator validator = published.get();
    Request req = request(request, body);
    ValidationReport requestReport = validator.validateRequest(req);
    if (requestReport.getMessages().stream().anyMatch(m -> OUTSIDE_THE_DOCUMENT.contains(m.getKey()))) {
      return;
    }
    ValidationReport responseReport =
        validator.validateResponse(request.uri().getPath(), req.getMethod(), response(response));
    StringBuilder problems = new StringBuilder(describe("response", responseReport));
    boolean succeeded = response.statusCode() < 400;
    if (succeeded && body != null && requestReport.hasErrors()) {
      problems.append(describe("request the document calls invalid, which the hub accepted", requestReport));
    }
    if (!problems.isEmpty() && SURVEY != null) {
      survey(request.method() + " " + request.uri().getRawPath() + " -> " + response.statusCode() + problems);
    } else if (!problems.isEmpty()) {
      throw new AssertionError(request.method() + " " + request.uri().getRawPath()
          + " -> " + response.statusCode() + " breaks the published contract:" + problems
          + "\nresponse body: " + response.body());
    }
  }

  private static String describe(String what, ValidationReport report) {
    if (!report.hasErrors()) {
      return "";
    }
    return report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .map(m -> "\n  " + what + ": [" + m.getKey() + "] " + m.getMessage())
        .collect(Collectors.joining());
  }

  /** The validator of the document this port publishes; none on a port without one (the admin port). */
  private static Optional<OpenApiInteractionValidator> load(String base) {
    try {
      HttpResponse<String> document =
          CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/openapi.json")).build(), BodyHandlers.ofString());
      if (document.statusCode() != 200) {
        return Optional.empty();
      }
      ObjectNode strict = (ObjectNode) JSON.readTree(document.body());
      closeResponseObjects(strict.path("components").path("schemas"));
      return Optional.of(
          OpenApiInteractionValidator.createForInlineApiSpecification(JSON.writeValueAsString(strict)).build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every object schema with properties, nested ones included, forbids others, so an undocumented
   * response field fails.
   */
  private static void closeResponseObjects(JsonNode schemas) {
    schemas.forEach(ContractCheck::close);
  }

  private static void close(JsonNode schema) {
    if (schema.has("properties")) {
      if (!schema.has("additionalProperties")) {
        ((ObjectNode) schema).put("additionalProperties", false);
      }
      schema.get("properties").forEach(ContractCheck::close);
    }
    if (schema.has("items")) {
      close(schema.get("items"));
    }
  }

  private static Request request(HttpRequest request, String body) {
    SimpleRequest.Builder builder = new SimpleRequest.Builder(request.method(), request.uri().getRawPath());
    String query = request.uri().getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        String[] parts = pair.split("=", 2);
        builder.withQueryParam(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
      }
    }
    request.headers().map().forEach((name, values) -> builder.withHeader(name, values));
    if (body != null) {
      builder.withBody(body);
    }
    return builder.build();
  }

  private static SimpleResponse response(HttpResponse<String> response) {
    SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.statusCode());
    response.headers().map().forEach((name, values) -> builder.withHeader(name, List.copyOf(values)));
    if (!response.body().isEmpty()) {
      builder.withBody(response.body());
    }
    return builder.build();
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  private static String baseOf(URI uri) {
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }
}
