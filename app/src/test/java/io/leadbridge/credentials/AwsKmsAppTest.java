package io.leadbridge.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.audit.Actor;
import io.leadbridge.auth.Role;
import io.leadbridge.credentials.CredentialException.KeyServiceUnavailableException;
import io.leadbridge.simulators.kms.KmsFault;
import io.leadbridge.simulators.kms.KmsOperation;
import io.leadbridge.simulators.kms.KmsSimulator;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.HubTest;
import io.leadbridge.testing.TestApps;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hub configured for aws-kms, against the KMS wire fake: it fails closed and only where a key is needed.
 * Not thread-safe (JUnit runs its tests one at a time).
 */
@ParameterizedClass
@EnumSource(value = Db.class, names = "H2")
class AwsKmsAppTest extends HubTest {

  private static final KmsSimulator KMS = startKms();

  private static KmsSimulator startKms() {
    KmsSimulator kms = KmsSimulator.builder().region("us-east-1").credentials("app-ak", "app-sk").start();
    kms.createAlias("alias/leadbridge", kms.createKey().keyId());
    return kms;
  }

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.app(
        db,
        ConfigOverride.config("profile", "production"),
        ConfigOverride.config("keys.provider", "aws-kms"),
        ConfigOverride.config("keys.awsKms.region", KMS.region()),
        ConfigOverride.config("keys.awsKms.keyId", "alias/leadbridge"),
        ConfigOverride.config("keys.awsKms.endpoint", KMS.endpoint().toString()),
        ConfigOverride.config("keys.awsKms.accessKeyId", KMS.accessKeyId()),
        ConfigOverride.config("keys.awsKms.secretAccessKey", KMS.secretAccessKey()),
        ConfigOverride.config("keys.awsKms.attemptTimeout", "2s"),
        ConfigOverride.config("keys.awsKms.callTimeout", "3s"),
        ConfigOverride.config("keys.cache.maxAge", "1s"));
  }

  @AfterEach
  void clearFaults() {
    KMS.faults().clear();
    KMS.releaseHungRequests();
  }

  @AfterAll
  static void stopKms() {
    KMS.close();
  }

  @Test
  void secretsRoundTripThroughKmsWithTheTenantAsContextOnSignedRequests() {
    UUID tenant = hub().createTenant();
    CredentialVault vault = hub().credentials().vault();

    CredentialRef ref = vault.store(tenant, Map.of("accessToken", SecretValue.of("kms-wrapped")), Actor.system("t")).ref();
    String value = vault.open(tenant, ref, "t", Actor.system("t"),
        c -> new String(c.field("accessToken").reveal(), StandardCharsets.UTF_8));

    assertThat(value).isEqualTo("kms-wrapped");
    assertThat(KMS.requests()).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
    assertThat(KMS.requests()).filteredOn(r -> r.operation().equals("GenerateDataKey"))
        .anySatisfy(r -> assertThat(r.encryptionContext()).isEqualTo(Map.of("tenant", tenant.toString())));
  }

  @Test
  void aHangingKmsMakesTheHubUnhealthyAndCredentialWorkFailClosedWhileTheApiServes() throws Exception {
    UUID tenant = hub().createTenant();
    CredentialVault vault = hub().credentials().vault();
    CredentialRef ref = vault.store(tenant, Map.of("accessToken", SecretValue.of("v")), Actor.system("t")).ref();
    Thread.sleep(1100);
    KMS.faults().always(KmsFault.HANG, KmsOperation.DECRYPT);
    KMS.faults().always(KmsFault.HANG, KmsOperation.DESCRIBE_KEY);

    long started = System.nanoTime();
    assertThatThrownBy(() -> vault.open(tenant, ref, "t", Actor.system("t"), c -> c.names()))
        .isInstanceOf(KeyServiceUnavailableException.class);
    long openMillis = (System.nanoTime() - started) / 1_000_000;
    HttpResponse<String> health = hub().admin().get("/healthcheck", null);
    HttpResponse<String> me = hub().api().get("/v1/me", hub().operatorKey());

    assertThat(openMillis).as("fails closed within the 3 s call timeout").isLessThan(3000 + 2000);
    assertThat(health.statusCode()).isEqualTo(500);
    assertThat(Hub.json(health).get("keys").get("healthy").asBoolean()).isFalse();
    assertThat(Hub.json(health).get("keys").get("message").asText()).contains("DescribeKey");
    assertThat(me.statusCode()).isEqualTo(200);
  }

  /** Duplicate marks need the tenant's data key; a lead does not: it is taken, only not compared. */
  @Test
  void aLeadIsTakenWhileTheKmsHangsWithoutItsDuplicateCheck() {
    UUID tenant = hub().createTenant();
    KMS.faults().always(KmsFault.HANG, KmsOperation.GENERATE_DATA_KEY);
    KMS.faults().always(KmsFault.HANG, KmsOperation.DECRYPT);

    HttpResponse<String> accepted = hub().api().send(HttpRequest.newBuilder(hub().api().uri("/v1/leads"))
        .header("Authorization", "Bearer " + hub().tenantKey(tenant, Role.TENANT_WRITER))
        .header("Content-Type", "application/json").header("Idempotency-Key", "kms-down-1")
        .POST(HttpRequest.BodyPublishers.ofString("{\"customer\":{\"lastName\":\"Reyes\",\"emails\":"
            + "[\"dana@example.com\"]},\"vehicles\":[{\"year\":2021,\"make\":\"Honda\",\"model\":\"Accord\"}]}"))
        .build());

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    JsonNode lead = Hub.json(hub().api().get("/v1/leads/" + Hub.json(accepted).get("id").asText(),
        hub().tenantKey(tenant, Role.TENANT_ADMIN)));
    assertThat(lead.get("duplicateOf").isNull()).isTrue();
  }
}
