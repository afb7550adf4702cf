package io.leadbridge.testing;

import io.leadbridge.auth.Role;
import io.leadbridge.simulators.hubspot.HubSpotSimulator;
import io.leadbridge.storage.Databases;
import io.leadbridge.tenants.TenantsModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Hub processes ({@link HubProcess}) sharing one fresh PostgreSQL database, one key directory and
 * one plugins directory holding the real HubSpot plugin jar, as nodes of one deployment do. Keeps
 * everything of a run (node logs, data directories) under {@code target/process-hubs/<run>} for
 * diagnosis, and stops every node it made when closed. Thread-safe.
 */
public final class ProcessHubs implements AutoCloseable {

  private final Path runDirectory;
  private final TestDatabases.Target database;
  private final Jdbi jdbi;
  private final List<HubProcess> nodes = new ArrayList<>();
  private String operatorKey;

  /** What a test needs to send a tenant's leads: its id and a TENANT_WRITER key. */
  public record Tenant(UUID id, String writerKey) {}

  public ProcessHubs(String run) {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    this.runDirectory = Path.of("target", "process-hubs", run + "-" + stamp).toAbsolutePath();
    this.database = TestDatabases.fresh(Db.POSTGRES);
    this.jdbi = Databases.forCommand(database.dataSourceFactory());
    BuiltPlugins.copy(BuiltPlugins.HUBSPOT, runDirectory.resolve("plugins"));
  }

  /** Where this run's logs and data live. */
  public Path runDirectory() {
    return runDirectory;
  }

  /** The shared database, for assertions on what the hubs stored. */
  public Jdbi jdbi() {
    return jdbi;
  }

  /**
   * A new node (not started) on free ports with its own data directory.
   *
   * @param callTimeout {@code delivery.callTimeout}
   * @param lease {@code delivery.lease}, longer than the call timeout
   */
  public synchronized HubProcess node(String name, Duration callTimeout, Duration lease) {
    return node(name, callTimeout, lease, Map.of());
  }

  /**
   * A new node (not started), with more of the environment {@code hub-process.yml} reads (such as
   * {@code LEADBRIDGE_MAX_BATCH_SIZE} or {@code LEADBRIDGE_API_TENANT_WRITES}).
   */
  public synchronized HubProcess node(String name, Duration callTimeout, Duration lease, Map<String, String> settings) {
    Map<String, String> environment = new HashMap<>(settings);
    environment.put("LEADBRIDGE_PORT", String.valueOf(freePort()));
    environment.put("LEADBRIDGE_ADMIN_PORT", String.valueOf(freePort()));
    environment.put("LEADBRIDGE_DATA_DIR", directory("data-" + name).toString());
    environment.put("LEADBRIDGE_KEYS_DIR", directory("keys").toString());
    environment.put("LEADBRIDGE_PLUGINS_DIR", runDirectory.resolve("plugins").toString());
    environment.put("LEADBRIDGE_PLUGINS_ALLOWLIST", TestTrust.allowlistOf(runDirectory.resolve("plugins")).toString());
    environment.put("LEADBRIDGE_DB_URL", database.url());
    environment.put("LEADBRIDGE_DB_USER", database.user());
    environment.put("LEADBRIDGE_CALL_TIMEOUT", callTimeout.toMillis() + "ms");
    environment.put("LEADBRIDGE_LEASE", lease.toMillis() + "ms");
    HubProcess node = new HubProcess(name, HubProcess.processConfig(), environment, directory("logs"));
    nodes.add(node);
    return node;
  }

  /** An operator key minted the way the command line does it (the database must be migrated: start a node first). */
  public synchronized String operatorKey() {
    if (operatorKey == null) {
      operatorKey = new TenantsModule(jdbi, Clock.systemUTC(), List.of()).apiKeys()
          .issueOperatorKey("process test operator").key();
    }
    return operatorKey;
  }

  /**
   * Creates a tenant with a HubSpot integration on the simulator through a node's API, and checks
   * it, as a tenant would, so the hub learns which portal the token spends.
   */
  public Tenant tenantWithHubSpot(HubProcess node, HubSpotSimulator vendor, String token) {
    Api api = node.api();
    UUID tenantId = createTenant(api);
    String admin = key(api, tenantId, Role.TENANT_ADMIN);
    String integration = created(api.postJson("/v1/integrations/third-party", admin,
        "{\"connector\":\"hubspot\",\"name\":\"CRM\",\"baseUrl\":\"" + vendor.baseUri()
            + "\",\"credentials\":{\"accessToken\":\"" + token + "\"}}"));
    HttpResponse<String> check = api.postJson("/v1/integrations/third-party/" + integration + "/check", admin, "");
    if (check.statusCode() != 200 || !Hub.json(check).path("ok").asBoolean()) {
      throw new AssertionError("the integration's check failed: " + check.statusCode() + " " + check.body());
    }
    return new Tenant(tenantId, key(api, tenantId, Role.TENANT_WRITER));
  }

  /** Creates a tenant without integrations through a node's API: its leads are stored, not sent. */
  public Tenant tenant(HubProcess node) {
    UUID tenantId = createTenant(node.api());
    return new Tenant(tenantId, key(node.api(), tenantId, Role.TENANT_WRITER));
  }

  /** Kills every node still running. */
  @Override
  public synchronized void close() {
    nodes.forEach(HubProcess::kill);
  }

  private UUID createTenant(Api api) {
    String slug = "t-" + UUID.randomUUID().toString().substring(0, 8);
    return UUID.fromString(created(api.postJson("/v1/tenants", operatorKey(),
        "{\"name\":\"Dealer " + slug + "\",\"slug\":\"" + slug + "\",\"attributes\":{\"tier\":\"pro\","
            + "\"region\":\"us-east\"}}")));
  }

  private String key(Api api, UUID tenantId, Role role) {
    HttpResponse<String> issued = api.postJson("/v1/tenants/" + tenantId + "/api-keys", operatorKey(),
        "{\"role\":\"" + role + "\",\"label\":\"process test\"}");
    if (issued.statusCode() != 201) {
      throw new AssertionError("expected 201 but got " + issued.statusCode() + ": " + issued.body());
    }
    return Hub.json(issued).get("key").asText();
  }

  private static String created(HttpResponse<String> response) {
    if (response.statusCode() != 201) {
      throw new AssertionError("expected 201 but got " + response.statusCode() + ": " + response.body());
    }
    return Hub.json(response).get("id").asText();
  }

  private Path directory(String name) {
    try {
      return Files.createDirectories(runDirectory.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
