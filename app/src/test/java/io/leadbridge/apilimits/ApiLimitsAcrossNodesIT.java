package io.leadbridge.apilimits;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.testing.Api;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.HubProcess;
import io.leadbridge.testing.ProcessHubs;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two hub processes on one PostgreSQL database enforce one budget per tenant: a tenant whose leads
 * came in through both nodes, half through each, is over its write limit on both, and gets 429
 * with {@code Retry-After} from each node, while another tenant's leads are accepted by both.
 */
@Timeout(300)
class ApiLimitsAcrossNodesIT {

  private static final int WRITES_PER_MINUTE = 4;
  private static final String REFUSED_WRITES = "api.rate_limited;caller=tenant;class=write";

  @Test
  void aTenantOverItsLimitIsRefusedByEveryNodeAndOtherTenantsAreNot() {
    Map<String, String> limits = Map.of(
        "LEADBRIDGE_API_LIMITS_WINDOW", "1 minute",
        "LEADBRIDGE_API_TENANT_WRITES", String.valueOf(WRITES_PER_MINUTE));
    try (ProcessHubs hubs = new ProcessHubs("api-limits")) {
      // One after the other: the first migrates the database and creates the shared key file.
      HubProcess first = hubs.node("node-a", Duration.ofSeconds(10), Duration.ofSeconds(30), limits).start();
      HubProcess second = hubs.node("node-b", Duration.ofSeconds(10), Duration.ofSeconds(30), limits).start();
      List<Api> nodes = List.of(first.api(), second.api());
      ProcessHubs.Tenant limited = hubs.tenant(first);
      ProcessHubs.Tenant other = hubs.tenant(second);

      for (int i = 0; i < WRITES_PER_MINUTE; i++) {
        HttpResponse<String> accepted = nodes.get(i % 2).postLead(limited.writerKey(), "within-" + i, lead());
        assertThat(accepted.statusCode()).as("lead %d through node %d: %s", i, i % 2, accepted.body()).isEqualTo(202);
      }
      for (Api node : nodes) {
        HttpResponse<String> refused = node.postLead(limited.writerKey(), "over-" + node.uri("/"), lead());
        assertThat(refused.statusCode()).as(node.uri("/") + ": " + refused.body()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(Hub.json(refused).get("code").asText()).isEqualTo("rate_limited");
      }
      for (int i = 0; i < WRITES_PER_MINUTE; i++) {
        HttpResponse<String> accepted = nodes.get(i % 2).postLead(other.writerKey(), "other-" + i, lead());
        assertThat(accepted.statusCode()).as("the other tenant through node %d: %s", i % 2, accepted.body()).isEqualTo(202);
      }

      assertThat(storedLeads(hubs, limited.id())).as("nothing of the refused leads stored").isEqualTo(WRITES_PER_MINUTE);
      assertThat(first.meterCount(REFUSED_WRITES)).isOne();
      assertThat(second.meterCount(REFUSED_WRITES)).isOne();
    }
  }

  private static int storedLeads(ProcessHubs hubs, UUID tenantId) {
    return hubs.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM leads WHERE tenant_id = :tenant")
        .bind("tenant", tenantId).mapTo(Integer.class).one());
  }

  private static String lead() {
    return "{\"externalId\":\"x-" + UUID.randomUUID() + "\",\"source\":\"two-node-limits\",\"customer\":{\"lastName\":\"Reyes\","
        + "\"emails\":[\"dana." + UUID.randomUUID() + "@example.com\"]},"
        + "\"vehicles\":[{\"year\":2021,\"make\":\"Honda\",\"model\":\"Accord\"}]}";
  }
}
