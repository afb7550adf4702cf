package io.leadbridge.plugins.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.http.VendorRequest;
import io.leadbridge.connector.api.lead.LeadRecord;
import io.leadbridge.connector.api.testing.FakeConnectorContext;
import io.leadbridge.simulators.hubspot.SimulatedRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tests the happy paths of the contact upsert against the HubSpot simulator: created versus
 * updated, one contact per lead however often it is delivered, batches of at most 100, e-mail
 * keyed contacts and the property mapping. Each test runs confined to one JUnit thread.
 */
class ContactUpsertTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SimulatedPortal portal = new SimulatedPortal();
    private final HubSpotConnector connector = new HubSpotConnector();

    @AfterEach
    void closePortal() {
        portal.close();
    }

    @Test
    void newLeadsAreCreatedAndALeadDeliveredTwiceIsStoredOnceAndUpdated() {
        LeadRecord first = Leads.withEmail("first@example.com");
        LeadRecord second = Leads.withEmail("second@example.com");

        List<DeliveryOutcome> created = connector.deliver(List.of(first, second), portal.context().build());
        List<DeliveryOutcome> again = connector.deliver(List.of(second, first), portal.context().build());

        assertThat(created).containsExactly(DeliveryOutcome.created("1001"), DeliveryOutcome.created("1002"));
        assertThat(again).containsExactly(DeliveryOutcome.updated("1002"), DeliveryOutcome.updated("1001"));
        assertThat(portal.sim.contacts()).hasSize(2);
        assertThat(portal.sim.contactByProperty("leadbridge_lead_id", first.leadId().toString()))
                .map(SimulatedRecord::id).contains("1001");
    }

    @Test
    void oneHundredLeadsGoInOneRequestAndMoreAreSplitIntoRequestsOfAtMostOneHundred() throws IOException {
        FakeConnectorContext hundred = portal.context().build();
        FakeConnectorContext moreThanTheHostSends = portal.context().build();

        List<DeliveryOutcome> first = connector.deliver(Leads.many(100, "first"), hundred);
        List<DeliveryOutcome> second = connector.deliver(Leads.many(250, "second"), moreThanTheHostSends);

        assertThat(hundred.requests()).hasSize(1);
        assertThat(first).hasSize(100).allMatch(outcome -> outcome instanceof DeliveryOutcome.Delivered);
        assertThat(inputsPerRequest(moreThanTheHostSends)).containsExactly(100, 100, 50);
        assertThat(second).hasSize(250).allMatch(outcome -> outcome instanceof DeliveryOutcome.Delivered);
        assertThat(portal.sim.contacts()).hasSize(350);
    }

    private static List<Integer> inputsPerRequest(FakeConnectorContext context) throws IOException {
        List<Integer> sizes = new ArrayList<>();
        for (VendorRequest request : context.requests()) {
            sizes.add(JSON.readTree(request.body()).path("inputs").size());
        }
        return sizes;
    }

    @Test
    void keyedByEmailLeadsOfOneAddressBecomeOneContactNewestLast() {
        LeadRecord older = Leads.withEmail("Dana@Example.com");
        LeadRecord newer = Leads.withEmail("dana@example.com");
        LeadRecord noEmail = Leads.withEmail(null);
        FakeConnectorContext context = portal.context().setting("idProperty", "email").build();

        List<DeliveryOutcome> outcomes = connector.deliver(List.of(older, noEmail, newer), context);

        assertThat(outcomes).containsExactly(DeliveryOutcome.created("1001"),
                DeliveryOutcome.rejected("MISSING_EMAIL",
                        "The lead has no e-mail address, which idProperty email needs to key the HubSpot contact"),
                DeliveryOutcome.updated("1001"));
        assertThat(context.requests()).hasSize(2);
        assertThat(portal.sim.contacts()).singleElement()
                .satisfies(contact -> assertThat(contact.property("email")).contains("dana@example.com"))
                .satisfies(contact -> assertThat(contact.property("leadbridge_lead_id")).isEmpty());
    }

    @Test
    void mapsTheLeadToHubSpotContactProperties() {
        LeadRecord lead = Leads.complete();

        connector.deliver(List.of(lead), portal.context().build());

        assertThat(portal.sim.contacts()).singleElement().extracting(SimulatedRecord::properties)
                .satisfies(properties -> assertThat(properties).containsAllEntriesOf(Map.of(
                        "leadbridge_lead_id", lead.leadId().toString(),
                        "email", "dana.reyes@example.com",
                        "firstname", "Dana",
                        "lastname", "Reyes",
                        "mobilephone", "+15125550100",
                        "phone", "+15125550199",
                        "address", "1 Main St",
                        "city", "Austin",
                        "state", "TX",
                        "zip", "78701")))
                .satisfies(properties -> assertThat(properties).containsEntry("country", "US")
                        .containsEntry("message", "Wants a test drive Saturday")
                        .containsEntry("company", "Reyes Landscaping"));
    }
}
