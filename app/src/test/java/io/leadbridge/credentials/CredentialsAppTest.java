package io.leadbridge.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.audit.Actor;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.HubTest;
import io.leadbridge.testing.TestApps;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The vault inside the running hub: the key file, offboarding, the audit API, the health check.
 * Runs on each database; not thread-safe (JUnit runs its tests one at a time).
 */
@ParameterizedClass
@EnumSource(Db.class)
class CredentialsAppTest extends HubTest {

  private static final Actor ACTOR = Actor.system("test");

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.app(db);
  }

  private CredentialRef store(UUID tenant, String value) {
    return hub().credentials().vault().store(tenant, Map.of("accessToken", SecretValue.of(value)), ACTOR).ref();
  }

  @Test
  void theEmbeddedDefaultCreatesAnOwnerOnlyKeyFileInTheDataDirectory() throws Exception {
    Path keyFile = app().getConfiguration().getStorage().getDataDirectory().resolve("keys").resolve("primary.key");

    assertThat(keyFile).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
  }

  @Test
  void offboardingATenantCryptoShredsItsCredentialsAndKeepsOtherTenantsAndTheAuditTrail() {
    Hub hub = hub();
    UUID doomed = hub.createTenant();
    UUID survivor = hub.createTenant();
    CredentialRef doomedRef = store(doomed, "doomed-token");
    CredentialRef survivorRef = store(survivor, "survivor-token");

    HttpResponse<String> offboard = hub.api().delete("/v1/tenants/" + doomed, hub.operatorKey());

    assertThat(offboard.statusCode()).isEqualTo(204);
    assertThatThrownBy(() -> hub.credentials().vault().open(doomed, doomedRef, "t", ACTOR, c -> c.names()))
        .isInstanceOf(CredentialException.CredentialNotFoundException.class);
    assertThatThrownBy(() -> store(doomed, "again")).isInstanceOf(CredentialException.CredentialsShreddedException.class);
    String survivorValue = hub.credentials().vault().open(survivor, survivorRef, "t", ACTOR,
        c -> new String(c.field("accessToken").reveal(), StandardCharsets.UTF_8));
    assertThat(survivorValue).isEqualTo("survivor-token");
    assertThat(actions(doomed)).contains("credential.stored", "keys.tenant_shredded");
  }

  @Test
  void theAuditApiListsATenantsEventsInOrderPageByPage() {
    Hub hub = hub();
    UUID tenant = hub.createTenant();
    for (int i = 0; i < 3; i++) {
      store(tenant, "v" + i);
    }

    HttpResponse<String> first = hub.api().get("/v1/audit?tenantId=" + tenant + "&limit=2", hub.operatorKey());
    JsonNode page = Hub.json(first);
    HttpResponse<String> second = hub.api().get(
        "/v1/audit?tenantId=" + tenant + "&limit=2&cursor=" + page.get("nextCursor").asText(), hub.operatorKey());

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(page.get("items")).hasSize(2);
    assertThat(page.get("items").get(0).get("action").asText()).isEqualTo("keys.data_key_created");
    assertThat(page.get("items").get(0).get("tenantId").asText()).isEqualTo(tenant.toString());
    assertThat(page.get("items").get(1).get("actor").asText()).isEqualTo("system:test");
    assertThat(Hub.json(second).get("items")).hasSize(2);
    assertThat(Hub.json(second).get("nextCursor").isNull()).isTrue();
  }

  @Test
  void theAuditApiRejectsABadTenantFilterWithAFieldError() {
    HttpResponse<String> response = hub().api().get("/v1/audit?tenantId=not-a-uuid", hub().operatorKey());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Hub.json(response).get("errors").get(0).get("field").asText()).isEqualTo("tenantId");
    assertThat(response.body()).doesNotContain("not-a-uuid");
  }

  @Test
  void theKeyServiceHealthCheckIsReportedOnTheAdminPort() {
    HttpResponse<String> health = hub().admin().get("/healthcheck", null);

    assertThat(Hub.json(health).get("keys").get("healthy").asBoolean()).isTrue();
  }

  private List<String> actions(UUID tenant) {
    JsonNode items = Hub.json(hub().api().get("/v1/audit?tenantId=" + tenant + "&limit=200", hub().operatorKey()))
        .get("items");
    List<String> actions = new ArrayList<>();
    items.forEach(i -> actions.add(i.get("action").asText()));
    return actions;
  }
}
