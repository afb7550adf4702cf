package io.leadbridge.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.auth.Role;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.HubTest;
import io.leadbridge.testing.TestApps;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tenants and API keys through the public API, on each database. Not thread-safe (JUnit runs its
 * tests one at a time).
 */
@ParameterizedClass
@EnumSource(Db.class)
public class TenantApiTest extends HubTest {

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.app(db);
  }

  @Test
  void createdTenantIsReadableAndItsKeyServesMe() {
    Hub hub = hub();
    String slug = "austin-" + UUID.randomUUID().toString().substring(0, 6);
    HttpResponse<String> created = hub.api().postJson("/v1/tenants", hub.operatorKey(),
        "{\"name\":\"Austin Motors\",\"slug\":\"" + slug + "\",\"attributes\":{\"tier\":\"pro\",\"region\":\"us-east\"}}");
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode tenant = Hub.json(created);
    assertThat(tenant.get("slug").asText()).isEqualTo(slug);
    assertThat(tenant.get("status").asText()).isEqualTo("active");
    assertThat(tenant.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/v1/tenants/" + tenant.get("id").asText()));

    UUID id = UUID.fromString(tenant.get("id").asText());
    JsonNode read = Hub.json(hub.api().get("/v1/tenants/" + id, hub.operatorKey()));
    assertThat(read.get("attributes").get("tier").asText()).isEqualTo("pro");

    JsonNode key = hub.createKey(id, Role.TENANT_ADMIN);
    assertThat(key.get("key").asText()).matches("lb_[0-9a-f]{32}_[0-9a-f]{64}");
    JsonNode me = Hub.json(hub.api().get("/v1/me", key.get("key").asText()));
    assertThat(me.get("role").asText()).isEqualTo("TENANT_ADMIN");
    assertThat(me.get("tenant").get("id").asText()).isEqualTo(id.toString());
  }

  @Test
  void theKeyIsShownOnlyOnCreation() {
    Hub hub = hub();
    UUID tenant = hub.createTenant();
    String keyId = hub.createKey(tenant, Role.TENANT_WRITER).get("id").asText();
    String list = hub.api().get("/v1/tenants/" + tenant + "/api-keys", hub.operatorKey()).body();
    assertThat(list).contains(keyId).doesNotContain("\"key\"").doesNotContain("lb_");
  }

  @Test
  void duplicateSlugIs409() {
    Hub hub = hub();
    String slug = "dup-" + UUID.randomUUID().toString().substring(0, 6);
    hub.createTenant(slug);
    HttpResponse<String> again = hub.api().postJson("/v1/tenants", hub.operatorKey(),
        "{\"name\":\"Other\",\"slug\":\"" + slug + "\"}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(Hub.json(again).get("code").asText()).isEqualTo("slug_taken");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      malformed JSON              | {"name": "x",                                  | 400 | malformed_json
      not an object               | [1,2]                                           | 400 | malformed_json
      unknown field               | {"name":"x","slug":"ok-slug","colour":"red"}    | 400 | unknown_field
      unknown attribute           | {"name":"x","slug":"ok-slug","attributes":{"plan":"a"}} | 400 | unknown_field
      wrong type                  | {"name":["x"],"slug":"ok-slug"}                 | 400 | invalid_json
      missing name                | {"slug":"ok-slug"}                              | 422 | validation_failed
      blank name                  | {"name":"  ","slug":"ok-slug"}                  | 422 | validation_failed
      invalid slug upper case     | {"name":"x","slug":"Bad-Slug"}                  | 422 | validation_failed
      invalid slug trailing dash  | {"name":"x","slug":"bad-"}                      | 422 | validation_failed
      invalid slug with newline   | {"name":"x","slug":"a\\nb"}                     | 422 | validation_failed
      invalid tier                | {"name":"x","slug":"ok-slug","attributes":{"tier":"Gold Plus"}} | 422 | validation_failed
      NUL in name                 | {"name":"a\\u0000b","slug":"ok-slug"}          | 422 | validation_failed
      line feed in name           | {"name":"a\\nb","slug":"ok-slug"}              | 422 | validation_failed
      bidi override in name       | {"name":"Motors\\u202Esrotom","slug":"ok-slug"} | 422 | validation_failed
      zero-width space in name    | {"name":"Mo\\u200Btors","slug":"ok-slug"}      | 422 | validation_failed
      line separator in name      | {"name":"a\\u2028b","slug":"ok-slug"}          | 422 | validation_failed
      empty body                  |                                                 | 422 | validation_failed
      """)
  void badTenantInputIsRefusedClearly(String why, String body, int status, String code) {
    Hub hub = hub();
    HttpResponse<String> r = hub.api().send("POST", "/v1/tenants", hub.operatorKey(), "application/json", body == null ? "" : body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = Hub.json(r);
    assertThat(problem.get("code").asText()).isEqualTo(code);
    assertThat(problem.get("errorId").asText()).matches("[0-9a-f]{16}");
    if (status == 422 && body != null && !body.isBlank()) {
      assertThat(problem.get("errors")).isNotEmpty();
    }
  }

  @Test
  void fieldErrorsNameTheField() {
    Hub hub = hub();
    JsonNode problem = Hub.json(hub.api().postJson("/v1/tenants", hub.operatorKey(),
        "{\"name\":\"x\",\"slug\":\"BAD\",\"attributes\":{\"region\":\"Not Valid\"}}"));
    Set<String> fields = new HashSet<>();
    problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder("slug", "attributes.region");
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded"})
  void wrongContentTypeIs415(String type) {
    Hub hub = hub();
    HttpResponse<String> r = hub.api().send("POST", "/v1/tenants", hub.operatorKey(), type, "{\"name\":\"x\",\"slug\":\"ok\"}");
    assertThat(r.statusCode()).isEqualTo(415);
    assertThat(Hub.json(r).get("code").asText()).isEqualTo("unsupported_media_type");
  }

  @ParameterizedTest(name = "key body {0}")
  @CsvSource(delimiter = '|', textBlock = """
      {"role":"OPERATOR","label":"x"}        | 422
      {"role":"ADMIN","label":"x"}           | 422
      {"role":"TENANT_ADMIN"}                | 422
      {"role":"TENANT_ADMIN","label":"a\\u0007b"} | 422
      {"role":"TENANT_ADMIN","label":"a\\u2066b"} | 422
      {"role":"TENANT_ADMIN","label":"x","scope":"all"} | 400
      """)
  void badKeyInputIsRefused(String body, int status) {
    Hub hub = hub();
    UUID tenant = hub.createTenant();
    HttpResponse<String> r = hub.api().postJson("/v1/tenants/" + tenant + "/api-keys", hub.operatorKey(), body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
  }

  @Test
  void revokedKeyStopsWorkingAtOnce() {
    Hub hub = hub();
    UUID tenant = hub.createTenant();
    JsonNode key = hub.createKey(tenant, Role.TENANT_WRITER);
    assertThat(hub.api().get("/v1/me", key.get("key").asText()).statusCode()).isEqualTo(200);
    assertThat(hub.api().delete("/v1/tenants/" + tenant + "/api-keys/" + key.get("id").asText(), hub.operatorKey()).statusCode()).isEqualTo(204);
    assertThat(hub.api().get("/v1/me", key.get("key").asText()).statusCode()).isEqualTo(401);
    JsonNode listed = Hub.json(hub.api().get("/v1/tenants/" + tenant + "/api-keys", hub.operatorKey()));
    assertThat(listed.get("items").get(0).get("revokedAt").isNull()).isFalse();
  }

  @Test
  void offboardingRevokesEveryKeyAndKeepsTheTenantReadable() {
    Hub hub = hub();
    UUID tenant = hub.createTenant();
    String admin = hub.tenantKey(tenant, Role.TENANT_ADMIN);
    String writer = hub.tenantKey(tenant, Role.TENANT_WRITER);
    assertThat(hub.api().delete("/v1/tenants/" + tenant, hub.operatorKey()).statusCode()).isEqualTo(204);
    assertThat(hub.api().get("/v1/me", admin).statusCode()).isEqualTo(401);
    assertThat(hub.api().get("/v1/me", writer).statusCode()).isEqualTo(401);
    JsonNode read = Hub.json(hub.api().get("/v1/tenants/" + tenant, hub.operatorKey()));
    assertThat(read.get("status").asText()).isEqualTo("offboarded");
    assertThat(hub.api().delete("/v1/tenants/" + tenant, hub.operatorKey()).statusCode()).as("idempotent").isEqualTo(204);
    HttpResponse<String> newKey = hub.api().postJson("/v1/tenants/" + tenant + "/api-keys", hub.operatorKey(),
        "{\"role\":\"TENANT_ADMIN\",\"label\":\"x\"}");
    assertThat(newKey.statusCode()).isEqualTo(409);
    assertThat(Hub.json(newKey).get("code").asText()).isEqualTo("tenant_offboarded");
  }

  @Test
  void listsPageWithAStableCursor() {
    Hub hub = hub();
    for (int i = 0; i < 5; i++) {
      hub.createTenant();
    }
    Set<String> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      String path = "/v1/tenants?limit=2" + (cursor == null ? "" : "&cursor=" + cursor);
      JsonNode page = Hub.json(hub.api().get(path, hub.operatorKey()));
      assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
      page.get("items").forEach(t -> assertThat(seen.add(t.get("id").asText())).as("no tenant twice").isTrue());
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
      pages++;
    } while (cursor != null && pages < 100);
    assertThat(seen.size()).isGreaterThanOrEqualTo(5);
    assertThat(pages).isEqualTo((seen.size() + 1) / 2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"limit=0", "limit=201", "limit=abc", "cursor=bm90LWEtY3Vyc29y"})
  void badPagingIs400(String query) {
    Hub hub = hub();
    HttpResponse<String> r = hub.api().get("/v1/tenants?" + query, hub.operatorKey());
    assertThat(r.statusCode()).as(r.body()).isIn(400, 404);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void unknownOrMalformedTenantIdIs404() {
    Hub hub = hub();
    assertThat(hub.api().get("/v1/tenants/" + UUID.randomUUID(), hub.operatorKey()).statusCode()).isEqualTo(404);
    assertThat(hub.api().get("/v1/tenants/not-a-uuid", hub.operatorKey()).statusCode()).isEqualTo(404);
  }
}
