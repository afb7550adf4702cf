package io.leadbridge.connectors.internal;

import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.lead.LeadRecord;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The batch rules every lease enforces, a plugin's and a built-in connector's alike. Stateless. */
final class LeaseBatches {

  private LeaseBatches() {}

  /**
   * The batch, unmodifiable, if it holds 1 to the connector's maximum records and each lead once.
   *
   * @throws IllegalArgumentException if it does not
   */
  static List<LeadRecord> checked(ConnectorDescriptor descriptor, List<LeadRecord> batch) {
    Objects.requireNonNull(batch, "batch");
    if (batch.isEmpty() || batch.size() > descriptor.maxBatchSize()) {
      throw new IllegalArgumentException("a batch holds 1 to " + descriptor.maxBatchSize() + " records, not " + batch.size());
    }
    Set<Object> leads = new HashSet<>();
    for (LeadRecord record : batch) {
      if (!leads.add(Objects.requireNonNull(record, "record").leadId())) {
        throw new IllegalArgumentException("lead " + record.leadId() + " is in the batch twice");
      }
    }
    return Collections.unmodifiableList(List.copyOf(batch));
  }

  /** The same retryable outcome for every record: nothing of the batch is lost. */
  static List<DeliveryOutcome> allRetryable(List<LeadRecord> records, String reason) {
    DeliveryOutcome retry = DeliveryOutcome.retryable(reason);
    return Collections.nCopies(records.size(), retry);
  }
}
