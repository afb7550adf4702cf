package io.leadbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import io.leadbridge.Profile;
import io.leadbridge.audit.Actor;
import io.leadbridge.audit.AuditTrail;
import io.leadbridge.credentials.CredentialRef;
import io.leadbridge.credentials.CredentialsModule;
import io.leadbridge.credentials.KeysConfiguration;
import io.leadbridge.credentials.SecretValue;
import io.leadbridge.storage.Databases;
import io.leadbridge.testing.CommandLine.Run;
import io.leadbridge.testing.CommandLine;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.TestApps;
import io.leadbridge.testing.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The app's commands as an operator runs them: a separate JVM, the shipped config, env overrides. */
class CommandLineTest {

  private static final Path CONFIG = Path.of("../ops/config/leadbridge.yml").toAbsolutePath().normalize();

  /** How many migrations a fresh database of this kind gets: the common ones and its vendor's. */
  private static long migrationScripts(Db db) throws IOException {
    Path root = Path.of("../migrations/src/main/resources/db/migration").toAbsolutePath().normalize();
    long count = 0;
    for (String folder : List.of("common", db == Db.H2 ? "h2" : "postgresql")) {
      try (Stream<Path> files = Files.list(root.resolve(folder))) {
        count += files.filter(f -> f.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
      }
    }
    return count;
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void migrateInfoAndOperatorKeyWorkOnEachDatabase(Db db) throws Exception {
    Map<String, String> env = databaseEnv(db);
    Run migrate = run(env, "db", "migrate", CONFIG.toString());
    assertThat(migrate.exitCode()).as(migrate.output()).isZero();
    assertThat(migrate.output()).contains("migrations applied: " + migrationScripts(db));
    assertThat(run(env, "db", "migrate", CONFIG.toString()).output()).contains("migrations applied: 0");

    Run info = run(env, "db", "info", CONFIG.toString());
    assertThat(info.output()).containsPattern("1\\s+tenants and api keys\\s+Success")
        .containsPattern("2\\s+credential vault\\s+Success")
        .containsPattern("5\\s+leads and deliveries\\s+Success");

    Run key = run(env, "operator-key", "create", "--if-none", CONFIG.toString());
    assertThat(key.exitCode()).isZero();
    assertThat(key.output()).containsPattern("lb_[0-9a-f]{32}_[0-9a-f]{64}");
    Run again = run(env, "operator-key", "create", "--if-none", CONFIG.toString());
    assertThat(again.output()).contains("already exists").doesNotContainPattern("lb_[0-9a-f]{32}_");
  }

  @Test
  void aBadConfigFileNamesTheFieldAndExitsNonZero() throws Exception {
    Path bad = Files.createTempFile("bad-config", ".yml");
    Files.writeString(bad, """
        storage:
          database:
            driverClass: org.h2.Driver
            url: jdbc:h2:mem:x
          dataDirectory: data
        web:
          maxRequestBody: 0 bytes
        """);
    Run run = run(Map.of(), "db", "migrate", bad.toString());
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.output()).contains("web.maxRequestBody");
  }

  @Test
  void anUnknownConfigFieldIsRefused() throws Exception {
    Path bad = Files.createTempFile("bad-config", ".yml");
    Files.writeString(bad, "storge:\n  dataDirectory: data\n");
    Run run = run(Map.of(), "db", "migrate", bad.toString());
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.output()).contains("storge");
  }

  @Test
  void flagsSyncNeedsATokenFromTheEnvironmentAndFailsClearlyWithoutLeakingIt() throws Exception {
    Run noToken = run(Map.of(), "flags", "sync", "--url", "http://127.0.0.1:9");
    Run unreachable = run(Map.of("LEADBRIDGE_UNLEASH_ADMIN_TOKEN", "*:*.token-that-must-not-print"),
        "flags", "sync", "--url", "http://127.0.0.1:9", "--dry-run");

    assertThat(noToken.exitCode()).isNotZero();
    assertThat(noToken.output()).contains("LEADBRIDGE_UNLEASH_ADMIN_TOKEN");
    assertThat(unreachable.exitCode()).isNotZero();
    assertThat(unreachable.output()).contains("Flag sync failed").doesNotContain("token-that-must-not-print");
  }

  @Test
  void keyRotationCommandsReencryptRewrapAndASecondRunChangesNothing() throws Exception {
    TestDatabases.Target pg = TestDatabases.fresh(Db.POSTGRES);
    Path dataDirectory = TestApps.tempDir();
    Map<String, String> env = postgresEnv(pg, dataDirectory);
    assertThat(run(env, "db", "migrate", CONFIG.toString()).exitCode()).isZero();
    UUID tenant = UUID.randomUUID();
    CredentialRef ref;
    try (Vault vault = new Vault(pg, dataDirectory)) {
      ref = vault.module.vault().store(tenant, Map.of("accessToken", SecretValue.of("rotate-me")), Actor.system("t")).ref();
    }

    Run rotateTenant = run(env, "keys", "rotate-tenant", tenant.toString(), CONFIG.toString());
    Run rotateKek = run(env, "keys", "rotate-kek", "--to", "local:next", CONFIG.toString());
    Run rotateKekAgain = run(env, "keys", "rotate-kek", "--to", "local:next", CONFIG.toString());
    Run badTenant = run(env, "keys", "rotate-tenant", "not-a-uuid", CONFIG.toString());

    assertThat(rotateTenant.exitCode()).as(rotateTenant.output()).isZero();
    assertThat(rotateTenant.output()).contains("now uses data key v2: 1 secrets re-encrypted, 1 old keys destroyed");
    assertThat(rotateKek.output()).contains("data keys rewrapped under local:next: 1").contains("point the configuration");
    assertThat(rotateKekAgain.output()).contains("data keys rewrapped under local:next: 0");
    assertThat(badTenant.exitCode()).isNotZero();
    assertThat(badTenant.output()).contains("tenantId must be a UUID");
    assertThat(Files.getPosixFilePermissions(dataDirectory.resolve("keys").resolve("next.key")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    try (Vault vault = new Vault(pg, dataDirectory)) {
      String value = vault.module.vault().open(tenant, ref, "t", Actor.system("t"),
          c -> new String(c.field("accessToken").reveal(), StandardCharsets.UTF_8));
      assertThat(value).isEqualTo("rotate-me");
    }
  }

  /** A vault on the command's database and key directory, as the hub would open it. */
  private static final class Vault implements AutoCloseable {
    final CredentialsModule module;

    Vault(TestDatabases.Target pg, Path dataDirectory) {
      Jdbi jdbi = Databases.forCommand(pg.dataSourceFactory());
      module = new CredentialsModule(new KeysConfiguration(), Profile.DEVELOPMENT, dataDirectory, jdbi,
          new AuditTrail(jdbi, Clock.systemUTC()), new MetricRegistry(), Clock.systemUTC());
    }

    @Override
    public void close() {
      module.close();
    }
  }

  private static Map<String, String> databaseEnv(Db db) {
    Path dir = TestApps.tempDir();
    if (db == Db.H2) {
      return Map.of("LEADBRIDGE_DB_URL", "jdbc:h2:file:" + dir.resolve("lb") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
          "LEADBRIDGE_DATA_DIR", dir.toString());
    }
    return postgresEnv(TestDatabases.fresh(Db.POSTGRES), dir);
  }

  private static Map<String, String> postgresEnv(TestDatabases.Target pg, Path dataDirectory) {
    return Map.of("LEADBRIDGE_DB_URL", pg.url(), "LEADBRIDGE_DB_DRIVER", pg.driverClass(),
        "LEADBRIDGE_DB_USER", pg.user(), "LEADBRIDGE_DB_PASSWORD", pg.password(),
        "LEADBRIDGE_DATA_DIR", dataDirectory.toString());
  }

  private static Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
    return CommandLine.run(env, args);
  }

}
