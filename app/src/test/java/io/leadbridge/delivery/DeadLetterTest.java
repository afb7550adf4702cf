package io.leadbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.simulators.hubspot.BatchValidationMode;
import io.leadbridge.simulators.hubspot.HubSpotSimulator;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.TestApps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Refusals are contained: a lead the vendor always refuses becomes a dead letter with the
 * vendor's code while the tenant's other leads flow, and a vendor that keeps answering 5xx makes
 * dead letters after the configured attempts while the other integrations deliver. Runs on each
 * database; not thread-safe (JUnit runs its tests one at a time).
 */
@ParameterizedClass
@EnumSource(Db.class)
@Timeout(120)
class DeadLetterTest extends TrafficContract {

  static final int MAX_ATTEMPTS = 3;
  private static final ConfigOverride[] DELIVERY = {
      ConfigOverride.config("delivery.maxAttempts", String.valueOf(MAX_ATTEMPTS))};

  /** A value HubSpot's {@code hs_lead_status} enumeration does not have. */
  private static final String NO_SUCH_STATUS = "NOT_A_LEAD_STATUS";

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.appWithHubSpot(db, TestApps.tempDir(), DELIVERY);
  }

  @Test
  void aLeadTheVendorAlwaysRefusesGoesDeadWithTheVendorsCodeWhileTheTenantsOtherLeadsFlow() {
    // One invalid record fails the whole batch with a 400, so the poison lead is refused with a 400 however it goes.
    HubSpotSimulator vendor = vendor(HubSpotSimulator.builder().batchValidation(BatchValidationMode.ALL_OR_NOTHING));
    UUID tenant = traffic.tenant();
    String integrationId = traffic.hubSpot(tenant, vendor, vendor.defaultToken());

    List<String> good = new ArrayList<>(traffic.send(tenant, 5));
    String poison = traffic.send(tenant, Map.of("hs_lead_status", NO_SUCH_STATUS));
    good.addAll(traffic.send(tenant, 5));
    LeadTraffic.await("the poison lead dead",
        () -> "dead".equals(traffic.delivery(tenant, poison, integrationId).get("status").asText()));
    LeadTraffic.await("the other leads at the vendor", () -> LeadTraffic.leadIdsAt(vendor).containsAll(good));

    List<JsonNode> dead = traffic.deliveries(tenant, integrationId, "dead");
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).get("leadId").asText()).isEqualTo(poison);
    assertThat(dead.get(0).get("lastErrorCode").asText()).isEqualTo("INVALID_OPTION");
    assertThat(dead.get(0).get("lastErrorMessage").asText()).contains("hs_lead_status").doesNotContain(NO_SUCH_STATUS);
    assertThat(dead.get(0).get("attempts").asInt()).as("a refusal is final").isEqualTo(1);
    assertThat(LeadTraffic.leadIdsAt(vendor)).doesNotContain(poison).hasSize(good.size());
    LeadTraffic.await("the other leads delivered",
        () -> traffic.count(tenant, integrationId, "delivered") == good.size());
  }

  @Test
  void aVendorThatKeepsAnswering5xxMakesDeadLettersAfterTheConfiguredAttemptsWhileOtherIntegrationsDeliver() {
    HubSpotSimulator failing = vendor(HubSpotSimulator.builder());
    failing.chaos().failWithProbability(1.0).failureStatuses(500, 502, 504);
    HubSpotSimulator sameTenants = vendor(HubSpotSimulator.builder());
    HubSpotSimulator otherTenants = vendor(HubSpotSimulator.builder());
    UUID tenant = traffic.tenant();
    UUID other = traffic.tenant();
    String failingId = traffic.hubSpot(tenant, failing, failing.defaultToken());
    String sameTenantsId = traffic.hubSpot(tenant, sameTenants, sameTenants.defaultToken());
    String otherTenantsId = traffic.hubSpot(other, otherTenants, otherTenants.defaultToken());

    List<String> leads = traffic.send(tenant, 3);
    List<String> othersLeads = traffic.send(other, 10);
    LeadTraffic.await("the failing integration's deliveries dead",
        () -> traffic.count(tenant, failingId, "dead") == leads.size());
    LeadTraffic.await("the other integrations' leads delivered",
        () -> traffic.count(tenant, sameTenantsId, "delivered") == leads.size()
            && traffic.count(other, otherTenantsId, "delivered") == othersLeads.size());

    assertThat(traffic.deliveries(tenant, failingId, "dead")).allSatisfy(dead -> {
      assertThat(dead.get("attempts").asInt()).isEqualTo(MAX_ATTEMPTS);
      assertThat(dead.get("lastErrorCode").asText()).isEqualTo("retries_exhausted");
    });
    assertThat(failing.contacts()).isEmpty();
    assertThat(LeadTraffic.leadIdsAt(sameTenants)).containsExactlyInAnyOrderElementsOf(leads);
    assertThat(LeadTraffic.leadIdsAt(otherTenants)).containsExactlyInAnyOrderElementsOf(othersLeads);
    assertThat(traffic.deliveries(tenant, sameTenantsId, "delivered"))
        .as("delivered at the first attempt").allSatisfy(d -> assertThat(d.get("attempts").asInt()).isEqualTo(1));
  }
}
