package io.leadbridge.leads;

import io.leadbridge.connector.api.lead.LeadRecord;
import java.util.Optional;
import java.util.UUID;

/**
 * A lead as the delivery engine reads it: the connector API's record it hands to connectors, and the stored
 * canonical JSON the operator's delivery views show, and, for a duplicate, the record as integrations
 * that mark duplicates get it; immutable.
 */
public record DeliverableLead(UUID id, UUID tenantId, LeadRecord record, String json, Optional<LeadRecord> markedDuplicate) {}
