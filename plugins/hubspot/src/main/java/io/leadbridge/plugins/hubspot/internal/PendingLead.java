package io.leadbridge.plugins.hubspot.internal;

import io.leadbridge.connector.api.lead.LeadRecord;
import java.util.Locale;
import java.util.Map;

/**
 * A lead of the batch on its way to HubSpot: its place in the batch, the value it is upserted by
 * and its contact properties. Immutable and thread-safe.
 *
 * @param index      the lead's position in the batch, where its outcome goes
 * @param lead       the lead
 * @param idValue    the value of the idProperty: the lead id, or the e-mail address
 * @param properties the contact's properties
 */
record PendingLead(int index, LeadRecord lead, String idValue, Map<String, String> properties) {

    PendingLead {
        properties = Map.copyOf(properties);
    }

    /** @return the id value as HubSpot compares it (e-mail addresses case-insensitively) */
    String key() {
        return idValue.toLowerCase(Locale.ROOT);
    }

    /** @return the trace id HubSpot echoes per result and error: the lead id */
    String traceId() {
        return lead.leadId().toString();
    }
}
