package io.leadbridge.apilimits;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.leadbridge.apilimits.internal.ApiLimitFilter;
import io.leadbridge.apilimits.internal.RequestCounts;
import io.leadbridge.storage.DatabaseVendor;
import org.jdbi.v3.core.Jdbi;

/**
 * Installs the per-tenant and per-operator-key request limits of the {@code /v1} API, counted in
 * the database so that every node enforces the same budget; stateless.
 */
public final class ApiLimits {

  private ApiLimits() {}

  /** Registers the limit filter, unless {@code apiLimits.enabled} is false. */
  public static void install(JerseyEnvironment jersey, ApiLimitsConfiguration config, Jdbi jdbi,
      DatabaseVendor vendor, MetricRegistry metrics) {
    if (config.isEnabled()) {
      jersey.register(new ApiLimitFilter(config, new RequestCounts(jdbi, vendor), metrics));
    }
  }
}
