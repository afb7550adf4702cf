package io.leadbridge.rollout.internal;

import io.getunleash.UnleashContext;
import io.leadbridge.tenants.Tenant;

/**
 * The one place that decides what Unleash learns about a tenant: its id as {@code userId} (so a
 * flexibleRollout is sticky per tenant) and the non-personal attributes {@code tier} and
 * {@code region}. Nothing else: no name, slug, person or secret. Stateless and thread-safe.
 */
public final class TenantContexts {

  /** Custom context field for the tenant's tier, as product managers see it in Unleash constraints. */
  public static final String TIER = "tier";

  /** Custom context field for the tenant's region. */
  public static final String REGION = "region";

  private TenantContexts() {}

  /** The evaluation context of one tenant. */
  public static UnleashContext of(Tenant tenant) {
    UnleashContext.Builder context = UnleashContext.builder().userId(tenant.id().toString());
    tenant.tier().ifPresent(tier -> context.addProperty(TIER, tier));
    tenant.region().ifPresent(region -> context.addProperty(REGION, region));
    return context.build();
  }
}
