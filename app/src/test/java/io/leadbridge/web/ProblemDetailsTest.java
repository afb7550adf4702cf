package io.leadbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.auth.Role;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.HubTest;
import io.leadbridge.testing.TestApps;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every 4xx the hub's mapper writes has a {@code detail} a person can act on, which never quotes
 * the request or tells of another tenant's objects. Runs on each database; not thread-safe (JUnit
 * runs its tests one at a time).
 */
@ParameterizedClass
@EnumSource(Db.class)
public class ProblemDetailsTest extends HubTest {

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.app(db);
  }

  @Test
  void a403NamesTheRolesTheEndpointTakesAndTheKeysRole() {
    UUID tenant = hub().createTenant();
    String writer = hub().tenantKey(tenant, Role.TENANT_WRITER);
    assertThat(detail(hub().api().get("/v1/integrations/internal", writer), 403, "forbidden"))
        .isEqualTo("this endpoint needs a key of role TENANT_ADMIN; this key is TENANT_WRITER");
    assertThat(detail(hub().api().postJson("/v1/leads", hub().operatorKey(), "{}"), 403, "forbidden"))
        .isEqualTo("this endpoint needs a key of role TENANT_WRITER or TENANT_ADMIN; this key is OPERATOR");
  }

  @Test
  void a403ForAnotherTenantsPathSaysNothingOfThatTenant() {
    UUID other = hub().createTenant();
    String admin = hub().tenantKey(hub().createTenant(), Role.TENANT_ADMIN);
    for (UUID id : new UUID[] {other, UUID.randomUUID()}) {
      HttpResponse<String> r = hub().api().get("/v1/tenants/" + id + "/api-keys", admin);
      assertThat(detail(r, 403, "forbidden"))
          .isEqualTo("this endpoint needs a key of role OPERATOR; this key is TENANT_ADMIN");
    }
  }

  @Test
  void a415NamesTheMediaTypesTheEndpointTakes() {
    HttpResponse<String> r = hub().api().send("POST", "/v1/tenants", hub().operatorKey(), "text/plain", "x");
    assertThat(detail(r, 415, "unsupported_media_type"))
        .isEqualTo("this endpoint takes a body of type application/json; send it with that Content-Type");
  }

  @Test
  void a406NamesTheMediaTypesTheEndpointAnswersIn() {
    String admin = hub().tenantKey(hub().createTenant(), Role.TENANT_ADMIN);
    assertThat(detail(accepting("/v1/me", admin, "application/xml"), 406, "not_acceptable"))
        .isEqualTo("this endpoint answers only in application/json; send an Accept header that allows it");
    assertThat(detail(accepting("/v1/manual-queue", admin, "text/html"), 406, "not_acceptable"))
        .contains("application/json", "text/csv");
  }

  @Test
  void a401SaysHowToSendAKeyWithoutEchoingTheOneSent() {
    String wrong = "lb_" + "1".repeat(32) + "_" + "2".repeat(64);
    for (String key : new String[] {null, wrong}) {
      HttpResponse<String> r = hub().api().get("/v1/me", key);
      assertThat(detail(r, 401, "unauthorized")).contains("Authorization: Bearer");
      assertThat(r.body()).doesNotContain("1111111111");
    }
  }

  @Test
  void a404OfAnUnknownPathOrAnUnreadableIdIsGeneric() {
    for (String path : new String[] {"/v2/anything", "/v1/tenants/not-a-uuid", "/v1/tenants/" + UUID.randomUUID()}) {
      HttpResponse<String> r = hub().api().get(path, hub().operatorKey());
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(Hub.json(r).get("detail").asText()).as(path).isNotBlank();
      assertThat(r.body()).doesNotContain(path).doesNotContain("not-a-uuid");
    }
  }

  /** Asserts the status and code and returns the detail, which must not be blank. */
  private static String detail(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = Hub.json(r);
    assertThat(problem.get("code").asText()).isEqualTo(code);
    assertThat(problem.path("detail").asText()).isNotBlank();
    return problem.get("detail").asText();
  }

  private HttpResponse<String> accepting(String path, String key, String accept) {
    return hub().api().send(HttpRequest.newBuilder(hub().api().uri(path))
        .header("Authorization", "Bearer " + key).header("Accept", accept).GET().build());
  }
}
