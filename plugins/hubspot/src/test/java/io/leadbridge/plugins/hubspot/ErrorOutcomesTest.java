package io.leadbridge.plugins.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.lead.Customer;
import io.leadbridge.connector.api.lead.LeadRecord;
import io.leadbridge.connector.api.testing.FakeConnectorContext;
import io.leadbridge.simulators.hubspot.BatchValidationMode;
import io.leadbridge.simulators.hubspot.SimulatedRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tests that every HubSpot error answer the simulator gives becomes the documented outcome per
 * lead: 207, 400, 409, 401, 5xx, a hang and a refused connection. Each test runs confined to one
 * JUnit thread.
 */
class ErrorOutcomesTest {

    private static final String INVALID_EMAIL = "HubSpot refused the contact: VALIDATION_ERROR: INVALID_EMAIL on email";

    private SimulatedPortal portal = new SimulatedPortal();
    private final HubSpotConnector connector = new HubSpotConnector();

    @AfterEach
    void closePortal() {
        portal.close();
    }

    @Test
    void aPartialFailure207GivesEachLeadItsOwnOutcome() {
        LeadRecord bad = Leads.withEmail("dana-at-example.com");

        List<DeliveryOutcome> outcomes = connector.deliver(
                List.of(Leads.withEmail("a@example.com"), bad, Leads.withEmail("b@example.com")), portal.context().build());

        assertThat(outcomes).containsExactly(DeliveryOutcome.created("1001"),
                DeliveryOutcome.rejected("INVALID_EMAIL", INVALID_EMAIL), DeliveryOutcome.created("1002"));
        assertThat(portal.sim.contacts()).hasSize(2);
    }

    @Test
    void aRejectionQuotesCodesAndPropertyNamesButNeverTheRejectedValue() {
        List<DeliveryOutcome> outcomes = connector.deliver(List.of(Leads.withEmail("dana-at-example.com")),
                portal.context().build());

        assertThat(outcomes).singleElement().isInstanceOfSatisfying(DeliveryOutcome.Rejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo("INVALID_EMAIL");
            assertThat(rejected.message()).startsWith(INVALID_EMAIL + " (correlationId ")
                    .doesNotContain("dana-at-example.com");
        });
    }

    @Test
    void aWhole400IsSplitSoOneBadLeadDoesNotFailTheOthers() {
        portal.close();
        portal = new SimulatedPortal(builder -> builder.batchValidation(BatchValidationMode.ALL_OR_NOTHING));
        FakeConnectorContext context = portal.context().build();

        List<DeliveryOutcome> outcomes = connector.deliver(List.of(Leads.withEmail("a@example.com"),
                Leads.withEmail("dana-at-example.com"), Leads.withEmail("b@example.com")), context);

        assertThat(outcomes).hasSize(3);
        assertThat(outcomes.get(0)).isEqualTo(DeliveryOutcome.created("1001"));
        assertThat(outcomes.get(1)).isInstanceOfSatisfying(DeliveryOutcome.Rejected.class,
                rejected -> assertThat(rejected.message()).startsWith(INVALID_EMAIL));
        assertThat(outcomes.get(2)).isEqualTo(DeliveryOutcome.created("1002"));
        assertThat(context.requests()).hasSize(4);
    }

    @Test
    void aPropertyHubSpotDoesNotKnowRejectsTheLead() {
        LeadRecord lead = LeadRecord.builder().leadId(UUID.randomUUID()).receivedAt(SimulatedPortal.START)
                .customer(Customer.builder().lastName("Reyes").build()).customField("favourite_colour", "teal").build();

        assertThat(connector.deliver(List.of(lead), portal.context().build())).singleElement()
                .isInstanceOfSatisfying(DeliveryOutcome.Rejected.class, rejected -> {
                    assertThat(rejected.code()).isEqualTo("PROPERTY_DOESNT_EXIST");
                    assertThat(rejected.message())
                            .startsWith("HubSpot refused the contact: VALIDATION_ERROR: PROPERTY_DOESNT_EXIST on favourite_colour");
                });
    }

    @Test
    void anIdPropertyThatIsNotUniqueRejectsTheBatchWithoutRetryingLeadByLead() {
        FakeConnectorContext context = portal.context().setting("idProperty", "firstname").build();

        List<DeliveryOutcome> outcomes = connector.deliver(Leads.many(3, "x"), context);

        assertThat(outcomes).hasSize(3).allSatisfy(outcome -> assertThat(outcome)
                .isInstanceOfSatisfying(DeliveryOutcome.Rejected.class, rejected -> {
                    assertThat(rejected.code()).isEqualTo("VALIDATION_ERROR");
                    assertThat(rejected.message()).startsWith("HubSpot refused the request as a whole: VALIDATION_ERROR;"
                            + " check the integration's settings and base URL (correlationId ");
                }));
        assertThat(context.requests()).hasSize(1);
    }

    @Test
    void aConflict409NamesTheContactThatHoldsTheEmailAlready() {
        SimulatedRecord existing = portal.sim.createContact(Map.of("email", "dana@example.com"));

        List<DeliveryOutcome> alone = connector.deliver(List.of(Leads.withEmail("DANA@example.com")),
                portal.context().build());
        List<DeliveryOutcome> withAnother = connector.deliver(
                List.of(Leads.withEmail("dana@example.com"), Leads.withEmail("other@example.com")), portal.context().build());

        String conflict = "Another HubSpot contact " + existing.id() + " already has this lead's email; contacts keyed by"
                + " lead id cannot share an e-mail address (set idProperty to email to merge such leads into one contact)";
        assertThat(alone).singleElement().isInstanceOfSatisfying(DeliveryOutcome.Rejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo("CONFLICT");
            assertThat(rejected.message()).startsWith(conflict + " (correlationId ");
        });
        assertThat(withAnother).containsExactly(DeliveryOutcome.rejected("CONFLICT", conflict),
                DeliveryOutcome.created("1002"));
    }

    @Test
    void aRefusedTokenPausesTheIntegrationForEveryLeadAfterOneRequest() {
        portal.sim.revokeToken(SimulatedPortal.TOKEN);
        FakeConnectorContext context = portal.context().build();

        List<DeliveryOutcome> outcomes = connector.deliver(Leads.many(150, "y"), context);

        assertThat(outcomes).hasSize(150).containsOnly(outcomes.get(0));
        assertThat(outcomes.get(0)).isInstanceOfSatisfying(DeliveryOutcome.AuthFailed.class,
                auth -> assertThat(auth.message()).startsWith("HubSpot refused the access token: 401 INVALID_AUTHENTICATION"
                        + " - Authentication credentials not found. This API supports both API Key and OAuth 2.0"
                        + " authentication and you can find more details at https://developers.hubspot.com/docs/methods/"
                        + "auth/oauth-overview (correlationId "));
        assertThat(context.requests()).hasSize(1);
    }

    @Test
    void aServerErrorIsRetryable() {
        portal.sim.chaos().failEveryNth(1).failureStatuses(502);

        List<DeliveryOutcome> outcomes = connector.deliver(Leads.many(2, "z"), portal.context().build());

        assertThat(outcomes).containsOnly(DeliveryOutcome.retryable("HubSpot answered 502"));
    }

    @Test
    void aHungRequestTimesOutAndIsRetryable() {
        portal.sim.chaos().hangRequests(true);
        FakeConnectorContext context = portal.context().httpTimeout(Duration.ofMillis(300)).build();

        List<DeliveryOutcome> outcomes = connector.deliver(Leads.many(2, "h"), context);

        assertThat(outcomes).containsOnly(DeliveryOutcome.retryable(
                "HubSpot did not answer in time: POST /crm/v3/objects/contacts/batch/upsert timed out"));
        assertThat(portal.sim.hungRequestCount()).isEqualTo(1);
    }

    @Test
    void anUnreachableHubSpotIsRetryable() {
        FakeConnectorContext context = portal.context().build();
        portal.close();

        assertThat(connector.deliver(Leads.many(1, "u"), context)).singleElement()
                .isInstanceOfSatisfying(DeliveryOutcome.Retryable.class, retryable -> assertThat(retryable.reason())
                        .startsWith("HubSpot could not be reached: POST /crm/v3/objects/contacts/batch/upsert failed"));
    }
}
