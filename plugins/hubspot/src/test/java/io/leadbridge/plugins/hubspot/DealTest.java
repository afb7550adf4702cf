package io.leadbridge.plugins.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.http.RateLimitScope;
import io.leadbridge.connector.api.lead.LeadRecord;
import io.leadbridge.connector.api.testing.FakeConnectorContext;
import io.leadbridge.simulators.hubspot.SimulatedAssociation;
import io.leadbridge.simulators.hubspot.SimulatedRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tests the optional deal per lead against the simulator: associated with its contact, created
 * once however often the lead is delivered, and refusals and rate limits mapped per lead. Each
 * test runs confined to one JUnit thread.
 */
class DealTest {

    private SimulatedPortal portal = new SimulatedPortal();
    private final HubSpotConnector connector = new HubSpotConnector();

    @AfterEach
    void closePortal() {
        portal.close();
    }

    private FakeConnectorContext withDeals(String stage) {
        return portal.context().setting("createDeal", "true").setting("dealStage", stage).build();
    }

    @Test
    void eachLeadGetsOneDealAssociatedWithItsContact() {
        LeadRecord lead = Leads.complete();

        List<DeliveryOutcome> first = connector.deliver(List.of(lead), withDeals("qualifiedtobuy"));
        List<DeliveryOutcome> again = connector.deliver(List.of(lead), withDeals("qualifiedtobuy"));

        assertThat(first).containsExactly(DeliveryOutcome.created("1001"));
        assertThat(again).containsExactly(DeliveryOutcome.updated("1001"));
        assertThat(portal.sim.deals()).singleElement().satisfies(deal -> {
            assertThat(deal.properties()).containsAllEntriesOf(Map.of(
                    "dealname", "Dana Reyes - 2021 Honda Accord EX",
                    "pipeline", "default",
                    "dealstage", "qualifiedtobuy",
                    "leadbridge_lead_id", lead.leadId().toString(),
                    "description", "Wants a test drive Saturday"));
            assertThat(deal.associations()).extracting(SimulatedAssociation::toObjectType, SimulatedAssociation::toId,
                    SimulatedAssociation::associationTypeId).containsExactly(tuple("contacts", "1001", 3));
        });
    }

    @Test
    void aDealHubSpotRefusesRejectsTheLeadAlthoughItsContactIsWritten() {
        List<DeliveryOutcome> outcomes = connector.deliver(List.of(Leads.withEmail("a@example.com")),
                withDeals("nosuchstage"));

        assertThat(outcomes).singleElement().isInstanceOfSatisfying(DeliveryOutcome.Rejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo("INVALID_OPTION");
            assertThat(rejected.message()).startsWith("HubSpot refused the deal: VALIDATION_ERROR: INVALID_OPTION on dealstage");
        });
        assertThat(portal.sim.contacts()).hasSize(1);
        assertThat(portal.sim.deals()).isEmpty();
    }

    @Test
    void aRateLimitOnDealsHoldsBackTheLeadsWhoseDealsAreMissing() {
        portal.close();
        portal = new SimulatedPortal(builder -> builder.tenSecondLimit(2));

        List<DeliveryOutcome> outcomes = connector.deliver(Leads.many(3, "d"), withDeals("appointmentscheduled"));

        DeliveryOutcome limited = DeliveryOutcome.rateLimited(Duration.ofSeconds(10), RateLimitScope.WINDOW);
        assertThat(outcomes).containsExactly(DeliveryOutcome.created("1001"), limited, limited);
        assertThat(portal.sim.contacts()).hasSize(3);
        assertThat(portal.sim.deals()).extracting(SimulatedRecord::associations).hasSize(1);
    }
}
