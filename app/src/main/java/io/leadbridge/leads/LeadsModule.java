package io.leadbridge.leads;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Wires the leads module: intake and reads over the hub's database. Thread-safe once built. */
public final class LeadsModule {

  private final LeadIntake intake;
  private final LeadQueries queries;

  /**
   * @param outbox where a lead's deliveries are queued and read: the delivery module's
   * @param digests how a shopper is recognised again: the credentials module's keyed digests
   */
  public LeadsModule(Jdbi jdbi, Clock clock, DeliveryOutbox outbox, ShopperDigests digests, LeadsConfiguration config) {
    this.intake = new LeadIntake(jdbi, clock, outbox, digests,
        Duration.ofMillis(config.getDuplicateWindow().toMilliseconds()));
    this.queries = new LeadQueries(jdbi, outbox);
  }

  /** Reads leads, for the delivery engine. */
  public LeadQueries queries() {
    return queries;
  }

  /** The JAX-RS resources. */
  public List<Object> resources() {
    return List.of(new LeadsResource(intake, queries));
  }
}
