package io.leadbridge.leads;

import io.leadbridge.leads.api.LeadBody;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A stored lead and its deliveries; immutable.
 *
 * @param body the lead as the tenant sent it (validated)
 * @param receivedAt the body's {@code receivedAt}, or the intake time when it had none
 * @param duplicateOf the first lead of the same shopper within the duplicate window, if any
 */
public record Lead(UUID id, UUID tenantId, LeadBody body, Instant receivedAt, Instant createdAt, List<Delivery> deliveries,
    Optional<UUID> duplicateOf) {

  public Lead {
    deliveries = List.copyOf(deliveries);
  }
}
