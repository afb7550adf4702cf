package io.leadbridge.apilimits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.auth.Role;
import io.leadbridge.storage.Databases;
import io.leadbridge.tenants.TenantsModule;
import io.leadbridge.testing.Api;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.Poll;
import io.leadbridge.testing.TestApps;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The API limits on a real hub, on both databases: a tenant over its write budget gets 429
 * problem+json with {@code Retry-After} and a detail naming the limit, and nothing of the refused
 * request is stored, while its reads, its checks, other tenants and operators go on; every key of a
 * tenant spends the tenant's budget, each operator key its own; requests without a valid key are
 * not counted. A one-minute window keeps the refusals still for the whole test; a second hub with a
 * one-second window shows a client that waits as told being served again.
 */
class ApiLimitsTest {

  private static final int TENANT_READS = 10;
  private static final int TENANT_WRITES = 3;
  private static final int OPERATOR_READS = 4;

  @ParameterizedTest
  @EnumSource(Db.class)
  void aTenantOverItsBudgetIsRefusedAloneAndOnlyForThatClass(Db db) throws Exception {
    DropwizardAppExtension<LeadbridgeConfiguration> app = TestApps.app(db,
        ConfigOverride.config("apiLimits.window", "1 minute"),
        ConfigOverride.config("apiLimits.tenant.readsPerWindow", String.valueOf(TENANT_READS)),
        ConfigOverride.config("apiLimits.tenant.writesPerWindow", String.valueOf(TENANT_WRITES)),
        ConfigOverride.config("apiLimits.tenant.checksPerWindow", "1"),
        ConfigOverride.config("apiLimits.operator.readsPerWindow", String.valueOf(OPERATOR_READS)),
        ConfigOverride.config("apiLimits.operator.writesPerWindow", "100"));
    app.before();
    try {
      Hub hub = new Hub(app);
      UUID limited = hub.createTenant();
      UUID other = hub.createTenant();
      String writer = hub.tenantKey(limited, Role.TENANT_WRITER);
      String admin = hub.tenantKey(limited, Role.TENANT_ADMIN);
      String otherWriter = hub.tenantKey(other, Role.TENANT_WRITER);

      aTenantsKeysShareOneWriteBudgetAndTheRefusalSaysWhichLimit(hub.api(), writer, admin);
      theRefusedTenantStillReadsAndChecksWhileOthersWrite(hub.api(), writer, admin, otherWriter);
      eachOperatorKeyHasItsOwnBudget(hub, app);
      requestsWithoutAValidKeyAreNotCounted(hub.api(), otherWriter);
      assertThat(meter(hub, "api.rate_limited;caller=tenant;class=write")).isGreaterThanOrEqualTo(3);
      assertThat(meter(hub, "api.rate_limited;caller=tenant;class=check")).isOne();
      assertThat(meter(hub, "api.rate_limited;caller=operator_key;class=read")).isOne();
    } finally {
      app.after();
    }
  }

  @Test
  void aRefusedClientThatWaitsAsToldIsServedAgainAndItsRefusedLeadWasNotKept() throws Exception {
    DropwizardAppExtension<LeadbridgeConfiguration> app = TestApps.app(Db.H2,
        ConfigOverride.config("apiLimits.window", "1 second"),
        ConfigOverride.config("apiLimits.tenant.writesPerWindow", "1"));
    app.before();
    try {
      Hub hub = new Hub(app);
      String writer = hub.tenantKey(hub.createTenant(), Role.TENANT_WRITER);
      HttpResponse<String> refused = null;
      String refusedKey = null;
      // Until one window holds two leads: each attempt is a new lead with a new key.
      for (int attempt = 0; attempt < 50 && refused == null; attempt++) {
        refusedKey = "again-" + attempt;
        HttpResponse<String> r = hub.api().postLead(writer, refusedKey, lead(refusedKey));
        refused = r.statusCode() == 429 ? r : null;
      }
      assertThat(refused).as("a second lead in one one-second window").isNotNull();
      long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
      assertThat(retryAfter).isOne();
      int storedBefore = Hub.json(hub.api().get("/v1/leads", writer)).get("items").size();

      Poll.sleep(retryAfter * 1000);
      HttpResponse<String> served = hub.api().postLead(writer, refusedKey, lead(refusedKey));

      assertThat(served.statusCode()).as("the refused lead, same key, after Retry-After: " + served.body()).isEqualTo(202);
      assertThat(Hub.json(hub.api().get("/v1/leads", writer)).get("items")).hasSize(storedBefore + 1);
    } finally {
      app.after();
    }
  }

  private static void aTenantsKeysShareOneWriteBudgetAndTheRefusalSaysWhichLimit(Api api, String writer, String admin) {
    for (int i = 0; i < TENANT_WRITES; i++) {
      HttpResponse<String> accepted = api.postLead(i % 2 == 0 ? writer : admin, "shared-" + i, lead("shared-" + i));
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    }

    for (String key : List.of(writer, admin)) {
      HttpResponse<String> refused = api.postLead(key, "refused-" + key.hashCode(), lead("refused"));
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
      assertThat(retryAfter).isBetween(1L, 60L);
      JsonNode problem = Hub.json(refused);
      assertThat(problem.get("status").asInt()).isEqualTo(429);
      assertThat(problem.get("code").asText()).isEqualTo("rate_limited");
      assertThat(problem.get("title").asText()).isEqualTo("Too Many Requests");
      assertThat(problem.get("errorId").asText()).hasSize(16);
      assertThat(problem.get("detail").asText())
          .startsWith("at most 3 writes per minute for this tenant; try again in ")
          .endsWith(" s");
      assertThat(problem.toString()).doesNotContain(key);
    }

    JsonNode leads = Hub.json(api.get("/v1/leads", writer));
    assertThat(leads.get("items")).as("the refused leads were not stored").hasSize(TENANT_WRITES);
  }

  private static void theRefusedTenantStillReadsAndChecksWhileOthersWrite(
      Api api, String writer, String admin, String otherWriter) {
    assertThat(api.get("/v1/me", admin).statusCode()).as("reads have their own budget").isEqualTo(200);
    HttpResponse<String> firstCheck = api.postJson("/v1/integrations/internal/" + UUID.randomUUID() + "/check", admin, "");
    assertThat(firstCheck.statusCode()).as("checks have their own budget (no such integration)").isEqualTo(404);
    HttpResponse<String> secondCheck = api.postJson("/v1/integrations/internal/" + UUID.randomUUID() + "/check", admin, "");
    assertThat(secondCheck.statusCode()).isEqualTo(429);
    assertThat(Hub.json(secondCheck).get("detail").asText()).startsWith("at most 1 checks per minute for this tenant");

    for (int i = 0; i < TENANT_WRITES; i++) {
      HttpResponse<String> otherTenants = api.postLead(otherWriter, "other-" + i, lead("other-" + i));
      assertThat(otherTenants.statusCode()).as("another tenant: " + otherTenants.body()).isEqualTo(202);
    }
    assertThat(api.postLead(writer, "still", lead("still")).statusCode()).as("still refused").isEqualTo(429);
    HttpResponse<String> forbidden = api.postJson("/v1/integrations/internal", writer, "{}");
    assertThat(forbidden.statusCode()).as("a wrong role is counted, and refused first by the budget").isEqualTo(429);
  }

  private static void eachOperatorKeyHasItsOwnBudget(Hub hub, DropwizardAppExtension<LeadbridgeConfiguration> app) {
    String second = new TenantsModule(Databases.forCommand(app.getConfiguration().database()), Clock.systemUTC(),
        List.of()).apiKeys().issueOperatorKey("second operator").key();
    for (int i = 0; i < OPERATOR_READS; i++) {
      assertThat(hub.api().get("/v1/tenants", second).statusCode()).isEqualTo(200);
    }
    HttpResponse<String> refused = hub.api().get("/v1/tenants", second);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(Hub.json(refused).get("detail").asText()).startsWith("at most 4 reads per minute for this operator key");
    assertThat(hub.api().get("/v1/tenants", hub.operatorKey()).statusCode()).as("the first operator key").isEqualTo(200);
  }

  private static void requestsWithoutAValidKeyAreNotCounted(Api api, String otherWriter) {
    String wrongSecret = otherWriter.substring(0, otherWriter.lastIndexOf('_') + 1) + "0".repeat(64);
    for (int i = 0; i < TENANT_READS + 1; i++) {
      assertThat(api.get("/v1/leads", wrongSecret).statusCode()).isEqualTo(401);
      assertThat(api.get("/v1/leads", null).statusCode()).isEqualTo(401);
    }
    assertThat(api.get("/v1/leads", otherWriter).statusCode()).as("the tenant's reads untouched").isEqualTo(200);
  }

  private static long meter(Hub hub, String name) {
    return Hub.json(hub.admin().get("/metrics", null)).path("meters").path(name).path("count").asLong();
  }

  private static String lead(String externalId) {
    return "{\"externalId\":\"" + externalId + "\",\"source\":\"api-limits-test\",\"customer\":{\"lastName\":\"Reyes\","
        + "\"emails\":[\"dana." + UUID.randomUUID() + "@example.com\"]},"
        + "\"vehicles\":[{\"year\":2021,\"make\":\"Honda\",\"model\":\"Accord\"}]}";
  }
}
