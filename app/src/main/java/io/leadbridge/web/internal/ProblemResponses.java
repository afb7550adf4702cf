package io.leadbridge.web.internal;

import io.leadbridge.errors.FieldError;
import io.leadbridge.web.HttpStatusTitles;
import io.leadbridge.web.Problem;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problem+json answers of the API as reusable OpenAPI responses, one per status, each naming
 * the codes it can carry; stateless.
 *
 * <p>This is the one list of error codes: the Problem schema's {@code code} enum is built from it,
 * so a code the server sends that is not listed here fails the contract tests.
 */
final class ProblemResponses {

  private record Kind(String name, String meaning, List<String> codes) {}

  private static final Map<Integer, Kind> KINDS = kinds();

  private ProblemResponses() {}

  private static Map<Integer, Kind> kinds() {
    Map<Integer, Kind> kinds = new LinkedHashMap<>();
    kinds.put(400, new Kind("BadRequest", "the request cannot be read as this operation's input",
        List.of("bad_request", "malformed_json", "unknown_field", "invalid_json", "duplicate_field", "invalid_query",
            "invalid_page_request", "invalid_idempotency_key", "invalid_xml")));
    kinds.put(401, new Kind("Unauthorized", "no API key, or one that is unknown, revoked or expired",
        List.of("unauthorized")));
    kinds.put(403, new Kind("Forbidden", "the key's role may not do this, or the tenant's flag for the connector is off",
        List.of("forbidden", "connector_not_enabled")));
    kinds.put(404, new Kind("NotFound", "no such object for this caller (another tenant's objects are never revealed)",
        List.of("not_found", "tenant_not_found", "api_key_not_found", "integration_not_found", "delivery_not_found",
            "lead_not_found", "credential_not_found")));
    kinds.put(406, new Kind("NotAcceptable", "the Accept header names no media type this operation produces",
        List.of("not_acceptable")));
    kinds.put(409, new Kind("Conflict", "the request clashes with the current state; nothing changed",
        List.of("idempotency_key_in_flight", "check_in_progress", "delivery_state_conflict", "slug_taken",
            "tenant_offboarded", "integration_limit_reached", "credentials_destroyed", "last_operator_key")));
    kinds.put(413, new Kind("PayloadTooLarge", "the body is larger than the hub accepts (1 MiB by default)",
        List.of("payload_too_large")));
    kinds.put(415, new Kind("UnsupportedMediaType", "the Content-Type is not one this operation consumes",
        List.of("unsupported_media_type")));
    kinds.put(422, new Kind("ValidationFailed", "the body is well-formed but breaks a rule; `errors` names the fields",
        List.of("validation_failed", "idempotency_key_reused", "invalid_credential")));
    kinds.put(429, new Kind("RateLimited",
        "rate_limited: the caller's budget for this class of request is spent until its window ends",
        List.of("rate_limited")));
    kinds.put(500, new Kind("InternalError", "the hub failed; the body carries only a title and the errorId it logged",
        List.of("internal_error", "credential_unreadable")));
    kinds.put(503, new Kind("Unavailable", "a dependency is down (the key service: fail closed); retry later",
        List.of("key_service_unavailable", "plugins_directory_unreadable")));
    kinds.put(504, new Kind("GatewayTimeout", "the vendor did not answer the check in time", List.of("check_timed_out")));
    return kinds;
  }

  /** Registers the Problem code enum and one reusable response per status. */
  static void addTo(Components components) {
    List<String> codes = new ArrayList<>();
    KINDS.values().forEach(kind -> codes.addAll(kind.codes()));
    Schema<?> problem = components.getSchemas().get("Problem");
    problem.setRequired(List.of("type", "title", "status", "code", "errorId"));
    @SuppressWarnings("unchecked")
    Schema<String> code = (Schema<String>) problem.getProperties().get("code");
    code.setEnum(codes);
    KINDS.forEach((status, kind) -> components.addResponses(kind.name(), response(status, kind)));
  }

  /** Adds a reference to the shared response for this status unless the operation declares its own. */
  static void addIfAbsent(ApiResponses responses, int status) {
    String key = Integer.toString(status);
    if (!responses.containsKey(key)) {
      responses.addApiResponse(key, new ApiResponse().$ref("#/components/responses/" + KINDS.get(status).name()));
    }
  }

  private static ApiResponse response(int status, Kind kind) {
    String description = kind.meaning() + " (code: " + String.join(", ", kind.codes()) + ")";
    MediaType problem = new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))
        .addExamples(kind.codes().get(0), new Example().value(example(status, kind.codes().get(0))));
    ApiResponse response = new ApiResponse().description(description)
        .content(new Content().addMediaType(Problem.MEDIA_TYPE, problem));
    if (status == 429) {
      response.addHeaderObject("Retry-After", new Header()
          .description("Whole seconds until the window ends (at least 1)")
          .schema(new IntegerSchema().minimum(BigDecimal.ONE)));
    }
    return response;
  }

  private static Map<String, Object> example(int status, String code) {
    Map<String, Object> example = new LinkedHashMap<>();
    example.put("type", "urn:leadbridge:problem:" + code);
    example.put("title", HttpStatusTitles.title(status));
    example.put("status", status);
    example.put("code", code);
    if (status < 500) {
      example.put("detail", KINDS.get(status).meaning());
    }
    if (status == 422) {
      // A record, not a Map.of: its order is fixed, so the document is the same from every build.
      example.put("errors", List.of(new FieldError("customer.emails[0]", "must be an e-mail address")));
    }
    example.put("errorId", "3f2a9c01b7d44e10");
    return example;
  }
}
