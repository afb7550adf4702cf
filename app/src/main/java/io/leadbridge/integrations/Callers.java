package io.leadbridge.integrations;

import io.leadbridge.auth.Caller;
import java.util.UUID;

/** What the integration resources need of a caller: its tenant (they are TENANT_ADMIN only). Stateless. */
final class Callers {

  private Callers() {}

  static UUID tenant(Caller caller) {
    return caller.tenantId().orElseThrow();
  }
}
