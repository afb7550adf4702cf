package io.leadbridge.testing;

import io.leadbridge.connector.api.lead.Customer;
import io.leadbridge.connector.api.lead.LeadRecord;
import java.time.Instant;
import java.util.UUID;

/** Canonical leads for connector tests; stateless and thread-safe. */
public final class Leads {

  private Leads() {}

  /** A minimal lead with a fresh id. */
  public static LeadRecord.Builder lead() {
    return LeadRecord.builder()
        .leadId(UUID.randomUUID())
        .receivedAt(Instant.parse("2026-11-22T10:15:00Z"))
        .customer(Customer.builder().firstName("Dana").lastName("Reyes").email("dana@example.com").build());
  }
}
