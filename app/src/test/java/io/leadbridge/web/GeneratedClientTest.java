package io.leadbridge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.client.ApiClient;
import io.leadbridge.client.ApiException;
import io.leadbridge.client.api.IntegrationsApi;
import io.leadbridge.client.api.LeadsApi;
import io.leadbridge.client.api.OperationsApi;
import io.leadbridge.client.api.TenantsApi;
import io.leadbridge.client.model.CreateApiKeyRequest;
import io.leadbridge.client.model.CreateTenantRequest;
import io.leadbridge.client.model.CreateThirdPartyIntegrationRequest;
import io.leadbridge.client.model.CustomerBody;
import io.leadbridge.client.model.DescriptorView;
import io.leadbridge.client.model.LeadAcceptedView;
import io.leadbridge.client.model.LeadBody;
import io.leadbridge.client.model.LeadView;
import io.leadbridge.client.model.ManualQueueEntryView;
import io.leadbridge.client.model.MoveHeldRequest;
import io.leadbridge.client.model.PhoneBody;
import io.leadbridge.client.model.TenantAttributesJson;
import io.leadbridge.client.model.TenantConnectorList;
import io.leadbridge.client.model.TenantView;
import io.leadbridge.client.model.ThirdPartyIntegrationView;
import io.leadbridge.client.model.VehicleBody;
import io.leadbridge.simulators.hubspot.HubSpotSimulator;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.HubTest;
import io.leadbridge.testing.Poll;
import io.leadbridge.testing.TestApps;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The README walkthrough with a Java client generated from the published document at build time:
 * tenant, keys, HubSpot integration and its check, a lead and its delivery, a held lead moved to
 * the manual queue, its CSV export and acknowledgement, and a refused lead as a typed error. If
 * the document and the server disagree, the generated client breaks here. Not thread-safe.
 */
@ParameterizedClass
@EnumSource(value = Db.class, names = "H2")
@Timeout(120)
class GeneratedClientTest extends HubTest {

  private static final String TOKEN = "pat-sim-generated-client";

  private final HubSpotSimulator hubspot = HubSpotSimulator.builder().token(TOKEN).start();

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.appWithHubSpot(db, TestApps.tempDir());
  }

  @AfterEach
  void stopVendor() {
    hubspot.close();
  }

  private ApiClient client(String key) {
    ApiClient client = new ApiClient();
    client.updateBaseUri("http://127.0.0.1:" + app().getLocalPort());
    client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
    return client;
  }

  @Test
  void theReadmeWalkthroughRunsOnTheGeneratedClient() throws Exception {
    ApiClient operator = client(hub().operatorKey());
    assertThat(new TenantsApi(operator).getMe().getTenant()).isNull();

    String slug = "austin-" + UUID.randomUUID().toString().substring(0, 8);
    TenantView tenant = new TenantsApi(operator).createTenant(new CreateTenantRequest().name("Austin Motors")
        .slug(slug).attributes(new TenantAttributesJson().tier("pro").region("us-south")));
    assertThat(tenant.getOffboardedAt()).isNull();
    String admin = new TenantsApi(operator).createTenantApiKey(tenant.getId(),
        new CreateApiKeyRequest().role(CreateApiKeyRequest.RoleEnum.TENANT_ADMIN).label("dealer admin")).getKey();
    String writer = new TenantsApi(operator).createTenantApiKey(tenant.getId(),
        new CreateApiKeyRequest().role(CreateApiKeyRequest.RoleEnum.TENANT_WRITER).label("web form")).getKey();
    assertThat(new TenantsApi(client(admin)).getMe().getTenant().getId()).isEqualTo(tenant.getId());

    IntegrationsApi integrations = new IntegrationsApi(client(admin));
    TenantConnectorList connectors = (TenantConnectorList) integrations.listConnectors().getActualInstance();
    assertThat(connectors.getItems()).extracting(DescriptorView::getId).contains("hubspot");
    ThirdPartyIntegrationView crm = integrations.createThirdPartyIntegration(new CreateThirdPartyIntegrationRequest()
        .connector("hubspot").name("Main CRM").baseUrl(hubspot.baseUri().toString())
        .credentials(Map.of("accessToken", TOKEN)));
    assertThat(crm.getCredentials().getSet()).isTrue();
    assertThat(integrations.checkThirdPartyIntegration(crm.getId()).getOk()).isTrue();

    LeadsApi leads = new LeadsApi(client(writer));
    LeadAcceptedView accepted = leads.submitLead("web-form-8812", lead("web-form-8812"));
    assertThat(accepted.getDeliveries()).hasSize(1);
    Poll.until("the lead is delivered", Duration.ofSeconds(60), () -> status(leads, accepted.getId()).equals("delivered"));
    assertThat(leads.getLead(accepted.getId()).getDeliveries().get(0).getRemoteId()).isNotBlank();
    assertThat(leads.listLeads(50, null).getItems()).extracting(LeadView::getId).contains(accepted.getId());

    integrations.replaceThirdPartyIntegrationCredentials(crm.getId(), Map.of("accessToken", "pat-sim-revoked"));
    LeadAcceptedView held = leads.submitLead("web-form-8813", lead("web-form-8813"));
    Poll.until("the lead is held", Duration.ofSeconds(60), () -> status(leads, held.getId()).equals("held"));
    int moved = new OperationsApi(operator).moveHeldDeliveriesToManualQueue(
        new MoveHeldRequest().tenantId(tenant.getId()).connector("hubspot")).getMoved();
    assertThat(moved).isEqualTo(1);

    ApiClient adminClient = client(admin);
    List<ManualQueueEntryView> queue = new LeadsApi(adminClient).listManualQueue(null, null).getItems();
    assertThat(queue).singleElement().satisfies(entry -> assertThat(entry.getExternalId()).isEqualTo("web-form-8813"));
    assertThat(csv(adminClient)).contains("web-form-8813");
    new LeadsApi(adminClient).acknowledgeManualQueueEntry(queue.get(0).getDeliveryId());
    assertThat(new LeadsApi(adminClient).listManualQueue(null, null).getItems()).isEmpty();

    assertThatThrownBy(() -> leads.submitLead("web-form-bad", new LeadBody().externalId("web-form-bad")))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.getCode()).isEqualTo(422);
          assertThat(e.getResponseBody()).contains("validation_failed", "customer");
        });
  }

  private static String status(LeadsApi leads, UUID leadId) {
    try {
      return String.valueOf(leads.getLead(leadId).getDeliveries().get(0).getStatus());
    } catch (ApiException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * The CSV export is the same operation as the JSON list with another Accept; the generated
   * method parses JSON, so the export goes through the generated client's transport and auth.
   */
  private static String csv(ApiClient client) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.getBaseUri() + "/v1/manual-queue"))
        .header("Accept", "text/csv");
    client.getRequestInterceptor().accept(request);
    HttpResponse<String> response = client.getHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    return response.body();
  }

  private static LeadBody lead(String externalId) {
    return new LeadBody().externalId(externalId).source("dealer-website")
        .customer(new CustomerBody().firstName("Dana").lastName("Reyes").emails(List.of("dana@example.com"))
            .phones(List.of(new PhoneBody().number("+15125550100").type(PhoneBody.TypeEnum.CELLPHONE))))
        .vehicles(List.of(new VehicleBody().interest(VehicleBody.InterestEnum.BUY).condition(VehicleBody.ConditionEnum.USED).vin("1HGCM82633A004352")
            .year(2021).make("Honda").model("Accord").trim("EX")));
  }
}
