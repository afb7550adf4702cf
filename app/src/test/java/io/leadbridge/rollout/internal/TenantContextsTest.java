package io.leadbridge.rollout.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.getunleash.UnleashContext;
import io.leadbridge.tenants.Tenant;
import io.leadbridge.tenants.TenantStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What Unleash learns about a tenant: its id, tier and region, and nothing else. */
class TenantContextsTest {

  private static final UUID ID = UUID.fromString("6f1c2a4e-0b7d-4a38-9f55-2d1e8c7b9a10");

  @Test
  void theTenantIdIsTheUserIdAndTierAndRegionAreTheOnlyProperties() {
    UnleashContext context = TenantContexts.of(tenant(Optional.of("enterprise"), Optional.of("eu-west")));

    assertThat(context.getUserId()).contains(ID.toString());
    assertThat(context.getProperties()).containsExactlyInAnyOrderEntriesOf(
        Map.of("tier", "enterprise", "region", "eu-west"));
    assertThat(context.getSessionId()).isEmpty();
    assertThat(context.getRemoteAddress()).isEmpty();
    assertThat(context.getByName("tier")).contains("enterprise");
  }

  @Test
  void theNameAndSlugNeverReachTheContext() {
    UnleashContext context = TenantContexts.of(tenant(Optional.of("pro"), Optional.of("us-east")));

    assertThat(context.getProperties().values()).doesNotContain("Rivera Motors of Austin", "rivera-motors");
    assertThat(context.toString()).doesNotContain("Rivera", "rivera-motors");
  }

  @Test
  void missingAttributesAreLeftOutRatherThanSentEmpty() {
    UnleashContext context = TenantContexts.of(tenant(Optional.empty(), Optional.of("us-east")));

    assertThat(context.getProperties()).containsExactly(Map.entry("region", "us-east"));
    assertThat(context.getByName("tier")).isEmpty();
  }

  private static Tenant tenant(Optional<String> tier, Optional<String> region) {
    return new Tenant(ID, "Rivera Motors of Austin", "rivera-motors", tier, region, TenantStatus.ACTIVE,
        Instant.parse("2026-11-22T10:00:00Z"), Optional.empty());
  }
}
