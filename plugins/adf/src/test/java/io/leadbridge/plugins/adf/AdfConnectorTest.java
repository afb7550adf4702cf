package io.leadbridge.plugins.adf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.leadbridge.connector.api.CheckResult;
import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.FieldSpec;
import io.leadbridge.connector.api.lead.LeadRecord;
import io.leadbridge.connector.api.testing.FakeConnectorContext;
import io.leadbridge.plugins.adf.internal.AdfDescriptor;
import io.leadbridge.simulators.adf.AdfReceiverSimulator;
import io.leadbridge.simulators.adf.ReceivedLead;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connector against the ADF receiver simulator in strict mode, over real HTTP, through the fake
 * context a plugin author uses: what the CRM gets, and what each answer means. Each test runs
 * confined to one JUnit thread.
 */
class AdfConnectorTest {

    private static final String TOKEN = "adf-test-token-" + UUID.randomUUID();
    private static final String SIGNING = "adf-test-signing-" + UUID.randomUUID();

    private final AdfConnector connector = new AdfConnector();
    private AdfReceiverSimulator crm;

    @AfterEach
    void stopCrm() {
        if (crm != null) {
            crm.close();
        }
    }

    private AdfReceiverSimulator crm(AdfReceiverSimulator.Builder builder) {
        crm = builder.strict().start();
        return crm;
    }

    private FakeConnectorContext.Builder context() {
        return FakeConnectorContext.builder(connector.descriptor()).baseUrl(crm.baseUri())
                .setting(AdfDescriptor.DEALERSHIP_NAME, "Austin Motors")
                .setting(AdfDescriptor.DEALERSHIP_EMAIL, "leads@austin-motors.example")
                .setting(AdfDescriptor.PATH, "/adf/leads");
    }

    private List<DeliveryOutcome> deliver(FakeConnectorContext.Builder context, LeadRecord... leads) {
        return connector.deliver(List.of(leads), context.build());
    }

    @Test
    void describesItselfWithTheIdAndVersionOfItsManifest() {
        ConnectorDescriptor descriptor = connector.descriptor();

        assertThat(descriptor.id()).isEqualTo(System.getProperty("plugin.id")).isEqualTo("adf");
        assertThat(descriptor.pluginVersion()).isEqualTo(System.getProperty("plugin.version")).isNotBlank();
        assertThat(descriptor.credentialFields()).extracting(FieldSpec::name, FieldSpec::secret, FieldSpec::required)
                .containsExactly(tuple("token", true, false), tuple("username", true, false),
                        tuple("password", true, false), tuple("signingSecret", true, false));
        assertThat(descriptor.defaultBaseUrl()).isEmpty();
    }

    @Test
    void eachLeadArrivesAsStrictlyValidAdfWithTheTokenAndTheLeadIdAsItsKey() {
        crm(AdfReceiverSimulator.builder().token("X-Adf-Token", TOKEN));
        LeadRecord lead = Leads.apiMd();
        LeadRecord hostile = Leads.hostile();

        List<DeliveryOutcome> outcomes = deliver(context().credential(AdfDescriptor.TOKEN, TOKEN), lead, hostile);

        assertThat(outcomes).containsExactly(DeliveryOutcome.created(lead.leadId().toString()),
                DeliveryOutcome.created(hostile.leadId().toString()));
        assertThat(crm.leads()).hasSize(2);
        ReceivedLead received = crm.leads().get(0);
        assertThat(received.problems()).isEmpty();
        assertThat(received.ids()).containsEntry("Leadbridge", lead.leadId().toString());
        assertThat(received.vendorName()).isEqualTo("Austin Motors");
        assertThat(received.providerName()).isEqualTo("dealer-website");
        assertThat(received.vehicles()).containsExactly("buy used 2021 Honda Accord", "trade-in used 2015 Chevrolet Cruze");
        assertThat(received.phones()).containsExactly("cellphone:+15125550100");
        assertThat(crm.leads().get(1).names()).containsEntry("last", Leads.HOSTILE);
        assertThat(crm.requests().get(0).path()).isEqualTo("/adf/leads");
        assertThat(crm.requests().get(0).header("Content-Type")).hasValue("application/xml; charset=UTF-8");
    }

    @Test
    void theSameLeadDeliveredTwiceIsOneLeadAtTheCrm() {
        crm(AdfReceiverSimulator.builder());
        LeadRecord lead = Leads.minimal();

        deliver(context(), lead);
        deliver(context(), lead);

        assertThat(crm.leads()).hasSize(1);
        assertThat(crm.duplicates()).isEqualTo(1);
    }

    @Test
    void aSignedIntakeGetsTheHmacOfTheExactBodyAndRefusesAWrongOne() {
        crm(AdfReceiverSimulator.builder().signingSecret(SIGNING).token("Authorization", TOKEN));
        FakeConnectorContext.Builder signed = context().setting(AdfDescriptor.TOKEN_HEADER, "Authorization")
                .credential(AdfDescriptor.TOKEN, TOKEN);

        List<DeliveryOutcome> good = deliver(signed.credential(AdfDescriptor.SIGNING_SECRET, SIGNING), Leads.minimal());
        List<DeliveryOutcome> bad = deliver(signed.credential(AdfDescriptor.SIGNING_SECRET, "other-" + SIGNING),
                Leads.minimal());

        assertThat(good.get(0)).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(bad.get(0)).isInstanceOf(DeliveryOutcome.AuthFailed.class);
        assertThat(crm.requests().get(0).header("Authorization")).hasValue("Bearer " + TOKEN);
        assertThat(crm.leads()).hasSize(1);
    }

    @Test
    void aRefusedTokenStopsTheBatchAndNoSecretIsInAnyOutcome() {
        crm(AdfReceiverSimulator.builder().token("X-Adf-Token", TOKEN));

        List<DeliveryOutcome> outcomes = deliver(context().credential(AdfDescriptor.TOKEN, "wrong-" + TOKEN),
                Leads.minimal(), Leads.apiMd());

        assertThat(outcomes).hasSize(2).allSatisfy(o -> assertThat(o).isInstanceOf(DeliveryOutcome.AuthFailed.class));
        assertThat(crm.requests()).hasSize(1);
        assertThat(outcomes.toString()).doesNotContain(TOKEN);
    }

    @Test
    void answersMapToOutcomes() {
        crm(AdfReceiverSimulator.builder());

        crm.failNext(1, 503);
        DeliveryOutcome unavailable = deliver(context(), Leads.minimal()).get(0);
        crm.failNext(1, 400);
        DeliveryOutcome refused = deliver(context(), Leads.minimal()).get(0);
        crm.failNext(1, 429);
        DeliveryOutcome throttled = deliver(context(), Leads.minimal()).get(0);

        assertThat(unavailable).isInstanceOf(DeliveryOutcome.Retryable.class);
        assertThat(refused).isEqualTo(DeliveryOutcome.rejected("HTTP_400", "the CRM's ADF intake refused the document"
                + " (HTTP 400)"));
        assertThat(throttled).isInstanceOf(DeliveryOutcome.RateLimited.class);
    }

    /** Calldrip's intake: the document in a form field, the key as a form field, refusals as 200. */
    @Test
    void aFormIntakeGetsTheDocumentAndKeyAsFieldsAndItsRefusalIsNotADelivery() {
        crm(AdfReceiverSimulator.builder().token("X-Adf-Token", TOKEN));
        FakeConnectorContext.Builder form = context().setting(AdfDescriptor.ENCODING, "form")
                .credential(AdfDescriptor.USERNAME, "dealer-7").credential(AdfDescriptor.TOKEN, TOKEN);

        DeliveryOutcome taken = deliver(form, Leads.hostile()).get(0);
        DeliveryOutcome refused = deliver(form.credential(AdfDescriptor.TOKEN, "wrong-" + TOKEN), Leads.minimal()).get(0);

        assertThat(taken).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(crm.leads()).singleElement().satisfies(l -> assertThat(l.names()).containsEntry("last", Leads.HOSTILE));
        assertThat(crm.requests().get(0).header("Content-Type")).hasValue("application/x-www-form-urlencoded");
        assertThat(refused).isEqualTo(DeliveryOutcome.rejected("adf_refused",
                "the CRM's ADF intake answered HTTP 200 with result 1: it did not take the document"));
        assertThat(refused.toString()).doesNotContain(TOKEN);
    }

    @Test
    void aPassedDeadlineSendsNothingMore() {
        crm(AdfReceiverSimulator.builder());

        Instant now = Instant.parse("2026-12-04T12:00:00Z");
        List<DeliveryOutcome> outcomes = deliver(context().clock(Clock.fixed(now, ZoneOffset.UTC))
                .deadline(now.minusSeconds(1)), Leads.minimal());

        assertThat(outcomes.get(0)).isInstanceOf(DeliveryOutcome.Retryable.class);
        assertThat(crm.requests()).isEmpty();
    }

    @Test
    void theCheckAsksTheIntakeWithTheCredentialsAndReportsARefusal() {
        crm(AdfReceiverSimulator.builder().token("X-Adf-Token", TOKEN));

        CheckResult good = connector.check(context().credential(AdfDescriptor.TOKEN, TOKEN).build());
        CheckResult bad = connector.check(context().credential(AdfDescriptor.TOKEN, "wrong").build());
        CheckResult badZone = connector.check(context().setting(AdfDescriptor.TIME_ZONE, "Mars/Base").build());

        assertThat(good.ok()).as(good.detail()).isTrue();
        assertThat(bad.ok()).isFalse();
        assertThat(bad.detail()).contains("401");
        assertThat(badZone.ok()).isFalse();
        assertThat(crm.leads()).isEmpty();
    }
}
