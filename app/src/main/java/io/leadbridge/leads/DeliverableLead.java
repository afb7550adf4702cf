package io.leadbridge.leads;

import io.leadbridge.connector.api.lead.LeadRecord;
import java.util.UUID;

/**
 * A lead as the delivery engine hands it on: the connector API's record for plugins and the stored
 * canonical JSON for webhooks; immutable.
 */
public record DeliverableLead(UUID id, UUID tenantId, LeadRecord record, String json) {}
