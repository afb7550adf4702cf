package io.leadbridge.testing;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.audit.AuditTrail;
import io.leadbridge.auth.Role;
import io.leadbridge.credentials.CredentialsModule;
import io.leadbridge.storage.Databases;
import io.leadbridge.tenants.IssuedApiKey;
import io.leadbridge.tenants.TenantsModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * A running hub seen from a test: its API, an operator key, and helpers that create tenants and
 * keys through the public API; thread-safe.
 */
public final class Hub {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DropwizardAppExtension<LeadbridgeConfiguration> app;
  private volatile String operatorKey;
  private CredentialsModule credentials;

  public Hub(DropwizardAppExtension<LeadbridgeConfiguration> app) {
    this.app = app;
  }

  public Api api() {
    return new Api(app.getLocalPort());
  }

  public Api admin() {
    return new Api(app.getAdminPort());
  }

  /** An operator key minted the way the command line does it. */
  public synchronized String operatorKey() {
    if (operatorKey == null) {
      operatorKey = mintOperatorKey("test operator", Clock.systemUTC(), Optional.empty()).key();
    }
    return operatorKey;
  }

  /** Another operator key, as the command line mints it, at the clock's time and with a lifetime if given. */
  public IssuedApiKey mintOperatorKey(String label, Clock clock, Optional<Duration> lifetime) {
    TenantsModule tenants = new TenantsModule(Databases.forCommand(app.getConfiguration().database()), clock, List.of());
    return tenants.apiKeys().issueOperatorKey(label, lifetime);
  }

  /**
   * The credentials module of a second node on the hub's database and keys: what another hub
   * process would see, for storing and opening secrets the API cannot reach yet.
   */
  public synchronized CredentialsModule credentials() {
    if (credentials == null) {
      LeadbridgeConfiguration config = app.getConfiguration();
      Jdbi jdbi = Databases.forCommand(config.database());
      credentials = new CredentialsModule(config.getKeys(), config.getProfile(),
          config.getStorage().getDataDirectory(), jdbi, new AuditTrail(jdbi, Clock.systemUTC()),
          new MetricRegistry(), Clock.systemUTC());
    }
    return credentials;
  }

  /** Creates a tenant through the API and returns its id. */
  public UUID createTenant(String slug) {
    HttpResponse<String> r =
        api().postJson("/v1/tenants", operatorKey(),
            "{\"name\":\"Dealer " + slug + "\",\"slug\":\"" + slug + "\",\"attributes\":{\"tier\":\"pro\",\"region\":\"us-east\"}}");
    requireStatus(r, 201);
    return UUID.fromString(json(r).get("id").asText());
  }

  /** A tenant with a unique slug. */
  public UUID createTenant() {
    return createTenant("t-" + UUID.randomUUID().toString().substring(0, 8));
  }

  /** Issues a key of a tenant role through the API and returns the key itself. */
  public String tenantKey(UUID tenantId, Role role) {
    return createKey(tenantId, role).get("key").asText();
  }

  /** Issues a key and returns the whole creation response. */
  public JsonNode createKey(UUID tenantId, Role role) {
    HttpResponse<String> r =
        api().postJson("/v1/tenants/" + tenantId + "/api-keys", operatorKey(),
            "{\"role\":\"" + role + "\",\"label\":\"test\"}");
    requireStatus(r, 201);
    return json(r);
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.body(), e);
    }
  }

  private static void requireStatus(HttpResponse<String> r, int status) {
    if (r.statusCode() != status) {
      throw new AssertionError("expected " + status + " but got " + r.statusCode() + ": " + r.body());
    }
  }
}
