package io.leadbridge.connector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadbridge.connector.api.lead.Customer;
import io.leadbridge.connector.api.lead.LeadRecord;
import io.leadbridge.connector.api.lead.OdometerUnit;
import io.leadbridge.connector.api.lead.Phone;
import io.leadbridge.connector.api.lead.PhoneType;
import io.leadbridge.connector.api.lead.TradeIn;
import io.leadbridge.connector.api.lead.VehicleOfInterest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests the lead model's immutability, equality and privacy of toString. Each test runs confined to one JUnit thread. */
class LeadRecordTest {

    private static final List<String> PERSONAL = List.of("Dana", "Reyes", "dana@example.com", "+15125550100",
            "5550100", "Main St", "Austin", "78701", "test drive", "Cruze", "62000", "fall-sale", "web-form-8812");

    @Test
    void toStringPrintsOnlyTheLeadId() {
        LeadRecord lead = Fixtures.lead().build();

        assertThat(lead).hasToString("LeadRecord[leadId=" + Fixtures.LEAD_ID + "]");
    }

    @Test
    void noPartOfALeadPrintsPersonalData() {
        LeadRecord lead = Fixtures.lead().build();
        List<Object> parts = List.of(lead, lead.customer(), lead.customer().phones().get(0),
                lead.customer().address().orElseThrow(), lead.vehicles().get(0), lead.tradeIn().orElseThrow(),
                lead.customer().phones(), lead.vehicles());

        for (Object part : parts) {
            assertThat(String.valueOf(part)).as(part.getClass().getSimpleName()).doesNotContain(PERSONAL);
        }
    }

    @Test
    void isImmutable() {
        LeadRecord.Builder builder = Fixtures.lead();
        LeadRecord lead = builder.build();

        builder.customField("later", "x").vehicle(VehicleOfInterest.builder().make("Kia").build());

        assertThat(lead.customFields()).containsOnlyKeys("campaign");
        assertThat(lead.vehicles()).hasSize(1);
        assertThatThrownBy(() -> lead.vehicles().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> lead.customFields().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> lead.customer().emails().add("x@example.com"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> lead.customer().phones().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void hasValueEquality() {
        assertThat(Fixtures.lead().build()).isEqualTo(Fixtures.lead().build())
                .hasSameHashCodeAs(Fixtures.lead().build())
                .isNotEqualTo(Fixtures.lead().comments("other").build());
    }

    @Test
    void absentPartsAreEmptyNotNull() {
        LeadRecord lead = LeadRecord.builder()
                .leadId(Fixtures.LEAD_ID)
                .receivedAt(Instant.EPOCH)
                .customer(Customer.builder().lastName("Reyes").firstName("  ").build())
                .source("")
                .build();

        assertThat(lead.vehicles()).isEmpty();
        assertThat(lead.customFields()).isEmpty();
        assertThat(lead.tradeIn()).isEmpty();
        assertThat(lead.source()).isEmpty();
        assertThat(lead.externalId()).isEmpty();
        assertThat(lead.customer().firstName()).isEmpty();
        assertThat(lead.customer().emails()).isEmpty();
        assertThat(lead.customer().address()).isEmpty();
    }

    @Test
    void requiresIdTimeAndCustomer() {
        assertThatNullPointerException().isThrownBy(() -> Fixtures.lead().leadId(null).build());
        assertThatNullPointerException().isThrownBy(() -> Fixtures.lead().receivedAt(null).build());
        assertThatNullPointerException().isThrownBy(() -> Fixtures.lead().customer(null).build());
    }

    @Test
    void validatesParts() {
        assertThatThrownBy(() -> Phone.of(" ", PhoneType.HOME)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Customer.builder().email("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VehicleOfInterest.builder().year(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TradeIn.builder().odometer(-1, OdometerUnit.MILES))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fixtures.lead().customField(" ", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatNullPointerException().isThrownBy(() -> Fixtures.lead().customField("a", null));
    }

    @Test
    void tradeInKeepsOdometerAndUnitTogether() {
        TradeIn tradeIn = Fixtures.lead().build().tradeIn().orElseThrow();

        assertThat(tradeIn.odometer()).hasValue(62_000L);
        assertThat(tradeIn.odometerUnit()).contains(OdometerUnit.MILES);
        assertThat(TradeIn.builder().build().odometerUnit()).isEmpty();
    }

    @Test
    void aRedeliveryIsTheSameLeadMarkedSentBefore() {
        LeadRecord first = Fixtures.lead().build();

        LeadRecord again = first.asRedelivery();

        assertThat(first.redelivery()).isFalse();
        assertThat(again.redelivery()).isTrue();
        assertThat(again.leadId()).isEqualTo(first.leadId());
        assertThat(again.customer()).isEqualTo(first.customer());
        assertThat(again).isNotEqualTo(first).isEqualTo(first.asRedelivery());
        assertThat(again.asRedelivery()).isSameAs(again);
    }
}
