package io.leadbridge.plugins.hubspot;

import io.leadbridge.connector.api.CheckResult;
import io.leadbridge.connector.api.ConnectorContext;
import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.CrmConnector;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.lead.LeadRecord;
import io.leadbridge.plugins.hubspot.internal.BatchDelivery;
import io.leadbridge.plugins.hubspot.internal.ConnectionCheck;
import io.leadbridge.plugins.hubspot.internal.HubSpotDescriptor;
import java.util.List;
import org.pf4j.Extension;

/**
 * The HubSpot CRM connector: leads become HubSpot contacts through
 * {@code POST /crm/v3/objects/contacts/batch/upsert}, keyed by a unique property holding the lead
 * id (or by e-mail), optionally each with a deal associated with its contact. Thread-safe and
 * stateless: each call works from its own context.
 */
@Extension
public final class HubSpotConnector implements CrmConnector {

    @Override
    public ConnectorDescriptor descriptor() {
        return HubSpotDescriptor.DESCRIPTOR;
    }

    @Override
    public CheckResult check(ConnectorContext context) {
        return ConnectionCheck.run(context);
    }

    @Override
    public List<DeliveryOutcome> deliver(List<LeadRecord> batch, ConnectorContext context) {
        return BatchDelivery.deliver(batch, context);
    }
}
