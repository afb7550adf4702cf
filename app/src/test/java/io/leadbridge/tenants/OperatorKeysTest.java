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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Operators list their own keys (last use, expiry, never a secret) and revoke them, but never the
 * last one that works; an expired key authenticates no more. Runs on each database; not
 * thread-safe (JUnit runs its tests one at a time).
 */
@ParameterizedClass
@EnumSource(Db.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorKeysTest extends HubTest {

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.app(db);
  }

  private Map<String, JsonNode> listed() {
    Map<String, JsonNode> byId = new HashMap<>();
    String cursor = null;
    do {
      JsonNode page = Hub.json(hub().api().get("/v1/operator-keys?limit=200" + (cursor == null ? "" : "&cursor=" + cursor),
          hub().operatorKey()));
      page.get("items").forEach(item -> byId.put(item.get("id").asText(), item));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
    } while (cursor != null);
    return byId;
  }

  @Test
  void theListShowsLastUseAndExpiryButNoSecret() {
    IssuedApiKey expiring = hub().mintOperatorKey("expiring", Clock.systemUTC(), Optional.of(Duration.ofDays(30)));
    IssuedApiKey unused = hub().mintOperatorKey("unused", Clock.systemUTC(), Optional.empty());
    assertThat(hub().api().get("/v1/me", expiring.key()).statusCode()).isEqualTo(200);

    HttpResponse<String> page = hub().api().get("/v1/operator-keys", hub().operatorKey());
    JsonNode used = listed().get(expiring.apiKey().id().toString());
    JsonNode idle = listed().get(unused.apiKey().id().toString());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).doesNotContain(expiring.key()).doesNotContain("secret").doesNotContain("\"key\"");
    assertThat(used.get("role").asText()).isEqualTo("OPERATOR");
    assertThat(used.get("tenantId").isNull()).isTrue();
    assertThat(Instant.parse(used.get("lastUsedAt").asText()))
        .isBetween(Instant.now().minus(2, ChronoUnit.MINUTES), Instant.now());
    assertThat(Instant.parse(used.get("expiresAt").asText()))
        .isBetween(Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(31)));
    assertThat(idle.get("lastUsedAt").isNull()).isTrue();
    assertThat(idle.get("expiresAt").isNull()).isTrue();
    assertThat(listed().values()).noneMatch(k -> k.has("secretHash") || k.has("key"));
  }

  @Test
  void anExpiredKeyIsRefusedAndShownWithItsExpiry() {
    Clock lastWeek = Clock.fixed(Instant.now().minus(Duration.ofDays(7)), ZoneOffset.UTC);
    IssuedApiKey expired = hub().mintOperatorKey("expired", lastWeek, Optional.of(Duration.ofDays(1)));

    HttpResponse<String> refused = hub().api().get("/v1/me", expired.key());

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(Instant.parse(listed().get(expired.apiKey().id().toString()).get("expiresAt").asText()))
        .isBefore(Instant.now());
  }

  @Test
  void aRevokedKeyStopsWorkingAndRevokingItAgainChangesNothing() {
    IssuedApiKey leaving = hub().mintOperatorKey("leaving", Clock.systemUTC(), Optional.empty());
    String path = "/v1/operator-keys/" + leaving.apiKey().id();

    HttpResponse<String> revoked = hub().api().delete(path, hub().operatorKey());
    HttpResponse<String> again = hub().api().delete(path, hub().operatorKey());

    assertThat(revoked.statusCode()).isEqualTo(204);
    assertThat(again.statusCode()).isEqualTo(204);
    assertThat(hub().api().get("/v1/me", leaving.key()).statusCode()).isEqualTo(401);
    assertThat(listed().get(leaving.apiKey().id().toString()).get("revokedAt").isNull()).isFalse();
  }

  @Test
  void aTenantKeyOrAnUnknownIdIsNotAnOperatorKey() {
    UUID tenant = hub().createTenant();
    String tenantKeyId = hub().createKey(tenant, Role.TENANT_ADMIN).get("id").asText();

    HttpResponse<String> tenantKey = hub().api().delete("/v1/operator-keys/" + tenantKeyId, hub().operatorKey());
    HttpResponse<String> unknown = hub().api().delete("/v1/operator-keys/" + UUID.randomUUID(), hub().operatorKey());

    assertThat(tenantKey.statusCode()).isEqualTo(404);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(listed()).doesNotContainKey(tenantKeyId);
  }

  /**
   * Every other key revoked (the hub's own test key too, so this runs last), then the last two
   * revoked at once, each with the other: at most one may go, and a key that works must remain.
   * The refused one is 409 when both passed authentication before either committed, or 401 when
   * its own key was already gone.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void theLastWorkingKeyCannotBeRevokedNotEvenByTwoRevocationsAtOnce() {
    IssuedApiKey first = hub().mintOperatorKey("first", Clock.systemUTC(), Optional.empty());
    IssuedApiKey second = hub().mintOperatorKey("second", Clock.systemUTC(), Optional.empty());
    List<String> lastTwo = List.of(first.apiKey().id().toString(), second.apiKey().id().toString());
    for (JsonNode key : listed().values()) {
      String id = key.get("id").asText();
      if (key.get("revokedAt").isNull() && !lastTwo.contains(id)) {
        assertThat(hub().api().delete("/v1/operator-keys/" + id, first.key()).statusCode()).isEqualTo(204);
      }
    }
    HttpResponse<String> alone = hub().api().delete("/v1/operator-keys/" + first.apiKey().id(), first.key());
    assertThat(alone.statusCode()).as("another key still works").isEqualTo(204);
    IssuedApiKey third = hub().mintOperatorKey("third", Clock.systemUTC(), Optional.empty());

    CompletableFuture<HttpResponse<String>> revokeSecond = CompletableFuture.supplyAsync(
        () -> hub().api().delete("/v1/operator-keys/" + second.apiKey().id(), third.key()));
    CompletableFuture<HttpResponse<String>> revokeThird = CompletableFuture.supplyAsync(
        () -> hub().api().delete("/v1/operator-keys/" + third.apiKey().id(), second.key()));
    HttpResponse<String> a = revokeSecond.join();
    HttpResponse<String> b = revokeThird.join();

    assertThat(List.of(a.statusCode(), b.statusCode())).containsOnlyOnce(204);
    HttpResponse<String> refused = a.statusCode() == 204 ? b : a;
    assertThat(refused.statusCode()).isIn(401, 409);
    if (refused.statusCode() == 409) {
      assertThat(Hub.json(refused).get("code").asText()).isEqualTo("last_operator_key");
    }
    String survivor = a.statusCode() == 204 ? third.key() : second.key();
    assertThat(hub().api().get("/v1/me", survivor).statusCode()).isEqualTo(200);
    HttpResponse<String> last = hub().api().delete("/v1/operator-keys/"
        + (a.statusCode() == 204 ? third.apiKey().id() : second.apiKey().id()), survivor);
    assertThat(last.statusCode()).isEqualTo(409);
    assertThat(Hub.json(last).get("code").asText()).isEqualTo("last_operator_key");
    assertThat(Hub.json(last).get("detail").asText()).contains("operator-key create");
  }
}
