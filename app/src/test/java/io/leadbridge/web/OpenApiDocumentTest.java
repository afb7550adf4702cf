package io.leadbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.PublishedApi;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.HubTest;
import io.leadbridge.testing.TestApps;
import io.leadbridge.web.internal.OpenApiDocumentResource;
import jakarta.ws.rs.Path;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The published OpenAPI document says what clients need to be generated from it: stable ids,
 * every answer with its schema, required and constrained input, nullable and write-only fields,
 * and the release version; and it is the document the build publishes. Not thread-safe.
 */
@ParameterizedClass
@EnumSource(value = Db.class, names = "H2")
class OpenApiDocumentTest extends HubTest {

  private static final Set<String> METHODS = Set.of("get", "head", "post", "put", "patch", "delete", "options");

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.app(db);
  }

  private JsonNode document() {
    HttpResponse<String> r = hub().api().get("/openapi.json", null);
    assertThat(r.statusCode()).isEqualTo(200);
    return Hub.json(r);
  }

  @Test
  void theHubServesTheDocumentTheBuildPublishesForExactlyTheResourcesItRegisters() {
    ResourceConfig jersey = app().getEnvironment().jersey().getResourceConfig();
    Set<Class<?>> registered = new HashSet<>();
    Stream.concat(jersey.getClasses().stream(), jersey.getSingletons().stream().map(Object::getClass))
        .filter(c -> c.isAnnotationPresent(Path.class))
        .forEach(registered::add);
    registered.remove(OpenApiDocumentResource.class);
    assertThat(registered).containsExactlyInAnyOrderElementsOf(PublishedApi.RESOURCES);
    assertThat(hub().api().get("/openapi.json", null).body())
        .isEqualTo(WebHygiene.openApiDocument(PublishedApi.RESOURCES, PublishedApi.version()));
  }

  @Test
  void theVersionIsTheReleaseAndEveryOperationHasAStableNamedId() {
    JsonNode doc = document();
    assertThat(doc.at("/info/version").asText()).matches("\\d+\\.\\d+\\.\\d+").isEqualTo(PublishedApi.version());
    List<String> ids = new ArrayList<>();
    operations(doc, (name, op) -> ids.add(op.path("operationId").asText()));
    assertThat(ids).hasSizeGreaterThanOrEqualTo(36).doesNotHaveDuplicates()
        .allSatisfy(id -> assertThat(id).matches("[a-z][A-Za-z]+"));
    assertThat(ids).contains("createTenant", "submitLead", "listManualQueue", "checkThirdPartyIntegration");
  }

  @Test
  void everyOperationDocumentsItsSuccessAndItsProblemsAsProblemJson() {
    JsonNode doc = document();
    operations(doc, (name, op) -> {
      JsonNode responses = op.path("responses");
      assertThat(responses.has("default")).as(name).isFalse();
      List<String> statuses = new ArrayList<>();
      responses.fieldNames().forEachRemaining(statuses::add);
      assertThat(statuses).as(name).anyMatch(s -> s.startsWith("2")).contains("500");
      if (name.contains(" /v1/")) {
        assertThat(statuses).as(name).contains("401", "403", "429");
        assertThat(op.at("/security/0").has("apiKey")).as(name).isTrue();
      }
    });
    JsonNode problem = doc.at("/components/responses/ValidationFailed/content/application~1problem+json/schema/$ref");
    assertThat(problem.asText()).isEqualTo("#/components/schemas/Problem");
    List<String> codes = new ArrayList<>();
    doc.at("/components/schemas/Problem/properties/code/enum").forEach(c -> codes.add(c.asText()));
    assertThat(codes).contains("validation_failed", "malformed_json", "unknown_field", "invalid_json", "not_found",
        "unauthorized", "forbidden", "idempotency_key_reused", "idempotency_key_in_flight", "connector_not_enabled",
        "key_service_unavailable", "rate_limited", "check_timed_out", "check_in_progress", "invalid_page_request");
    assertThat(doc.at("/paths/~1v1~1leads/post/responses/202/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/LeadAcceptedView");
    assertThat(doc.at("/paths/~1v1~1manual-queue/get/responses/200/content/text~1csv/schema/type").asText())
        .isEqualTo("string");
    assertThat(doc.at("/paths/~1v1~1tenants~1{tenantId}/delete/responses/204").isMissingNode()).isFalse();
  }

  @Test
  void inputIsRequiredConstrainedAndClosedAndSecretsAreWriteOnlyStrings() {
    JsonNode doc = document();
    JsonNode idempotencyKey = doc.at("/paths/~1v1~1leads/post/parameters/0");
    assertThat(idempotencyKey.path("name").asText()).isEqualTo("Idempotency-Key");
    assertThat(idempotencyKey.path("required").asBoolean()).isTrue();
    assertThat(idempotencyKey.at("/schema/maxLength").asInt()).isEqualTo(255);
    JsonNode limit = doc.at("/paths/~1v1~1leads/get/parameters/0/schema");
    assertThat(limit.path("minimum").asInt()).isEqualTo(1);
    assertThat(limit.path("maximum").asInt()).isEqualTo(200);
    JsonNode tenant = doc.at("/components/schemas/CreateTenantRequest");
    assertThat(tenant.path("required").toString()).contains("name", "slug");
    assertThat(tenant.path("additionalProperties").asBoolean(true)).isFalse();
    assertThat(doc.at("/components/schemas/LeadBody/additionalProperties").asBoolean(true)).isFalse();
    JsonNode apiKey = doc.at("/components/schemas/AuthRequest/properties/apiKey");
    assertThat(apiKey.path("type").asText()).isEqualTo("string");
    assertThat(apiKey.path("writeOnly").asBoolean()).isTrue();
    assertThat(doc.at("/components/schemas/SecretValue").isMissingNode()).as("no internal secret shape").isTrue();
    assertThat(doc.at("/components/schemas/CreateApiKeyRequest/properties/role/enum").toString())
        .contains("TENANT_ADMIN", "TENANT_WRITER");
  }

  @Test
  void fieldsThatCanBeNullSaySo() {
    JsonNode schemas = document().path("components").path("schemas");
    assertThat(schemas.at("/ListResponseTenantView/properties/nextCursor/nullable").asBoolean()).isTrue();
    assertThat(schemas.at("/TenantView/properties/offboardedAt/nullable").asBoolean()).isTrue();
    assertThat(schemas.at("/ApiKeyView/properties/revokedAt/nullable").asBoolean()).isTrue();
    assertThat(schemas.at("/AuditEventView/properties/purpose/nullable").asBoolean()).isTrue();
    assertThat(schemas.at("/TenantView/properties/id/nullable").asBoolean()).isFalse();
  }

  private static void operations(JsonNode doc, BiConsumer<String, JsonNode> check) {
    doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      if (METHODS.contains(op.getKey())) {
        check.accept(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.getValue());
      }
    }));
  }

  /** The examples a generated reference shows must be bodies the document itself accepts. */
  @Test
  void everyCreateOperationHasARequestExampleTheDocumentAccepts() {
    JsonNode document = document();
    OpenApiInteractionValidator validator =
        OpenApiInteractionValidator.createForInlineApiSpecification(document.toString()).build();
    Set<String> withExamples = new HashSet<>();
    document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      JsonNode example = op.getValue().path("requestBody").path("content").path("application/json").path("example");
      if (example.isMissingNode()) {
        return;
      }
      withExamples.add(op.getValue().get("operationId").asText());
      String concrete = path.getKey().replaceAll("\\{[^}]+}", "0d6f2a8e-7c1b-4e35-9a40-2f9b8c1d3e57");
      SimpleRequest request = new SimpleRequest.Builder(op.getKey(), concrete)
          .withContentType("application/json")
          .withAuthorization("Bearer lb_example_example")
          .withHeader("Idempotency-Key", "example-1")
          .withBody(example.toString())
          .build();
      assertThat(validator.validateRequest(request).getMessages()).as(op.getKey() + " " + path.getKey()).isEmpty();
    }));
    assertThat(withExamples).containsExactlyInAnyOrder("createTenant", "createTenantApiKey",
        "createThirdPartyIntegration", "createInternalIntegration", "submitLead");
  }
}
