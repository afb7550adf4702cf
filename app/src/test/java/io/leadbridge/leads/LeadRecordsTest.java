package io.leadbridge.leads;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.connector.api.lead.Condition;
import io.leadbridge.connector.api.lead.Interest;
import io.leadbridge.connector.api.lead.LeadRecord;
import io.leadbridge.connector.api.lead.OdometerUnit;
import io.leadbridge.connector.api.lead.PhoneType;
import io.leadbridge.leads.internal.CanonicalJson;
import io.leadbridge.leads.internal.LeadValidation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LeadRecordsTest {

  private static final Instant NOW = Instant.parse("2026-11-22T11:00:00Z");

  @Test
  void theApiMdLeadIsValidAndBecomesTheRecordConnectorsGet() {
    Lead lead = new Lead(UUID.randomUUID(), UUID.randomUUID(), CanonicalJson.lead(LeadsTest.API_MD_LEAD),
        Instant.parse("2026-11-22T10:15:00Z"), NOW, List.of(), Optional.empty());

    LeadRecord record = LeadRecords.of(lead);

    assertThat(LeadValidation.check(lead.body(), NOW)).isEmpty();
    assertThat(record.leadId()).isEqualTo(lead.id());
    assertThat(record.externalId()).hasValue("web-form-8812");
    assertThat(record.receivedAt()).isEqualTo(Instant.parse("2026-11-22T10:15:00Z"));
    assertThat(record.customer().lastName()).hasValue("Reyes");
    assertThat(record.customer().emails()).containsExactly("dana@example.com");
    assertThat(record.customer().phones().get(0).type()).isEqualTo(PhoneType.MOBILE);
    assertThat(record.customer().address().orElseThrow().country()).hasValue("US");
    assertThat(record.vehicles().get(0).interest()).hasValue(Interest.BUY);
    assertThat(record.vehicles().get(0).condition()).hasValue(Condition.USED);
    assertThat(record.vehicles().get(0).year()).hasValue(2021);
    assertThat(record.tradeIn().orElseThrow().odometerUnit()).hasValue(OdometerUnit.MILES);
    assertThat(record.customFields()).containsEntry("campaign", "fall-sale");
  }

  @Test
  void theSameLeadReformattedHashesTheSameAndAnotherLeadDoesNot() {
    String compact = LeadsTest.API_MD_LEAD.replaceAll("\\s+(?=[\"{}\\[\\]])", "");
    String canonical = CanonicalJson.write(CanonicalJson.lead(LeadsTest.API_MD_LEAD));

    assertThat(CanonicalJson.write(CanonicalJson.lead(compact))).isEqualTo(canonical);
    assertThat(CanonicalJson.sha256(CanonicalJson.write(CanonicalJson.lead(LeadsTest.lead("other")))))
        .isNotEqualTo(CanonicalJson.sha256(canonical));
  }
}
