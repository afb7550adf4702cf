package io.leadbridge.tenants;

import java.util.UUID;

/**
 * Work another module must do when a tenant is offboarded (e.g. crypto-shredding its
 * credentials); implementations must be thread-safe and idempotent, because an interrupted
 * offboarding is simply run again.
 */
@FunctionalInterface
public interface OffboardingStep {
  void offboard(UUID tenantId);
}
