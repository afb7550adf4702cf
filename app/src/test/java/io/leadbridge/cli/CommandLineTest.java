package io.leadbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.testing.Db;
import io.leadbridge.testing.TestApps;
import io.leadbridge.testing.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The app's commands as an operator runs them: a separate JVM, the shipped config, env overrides. */
class CommandLineTest {

  private static final Path CONFIG = Path.of("../ops/config/leadbridge.yml").toAbsolutePath().normalize();

  private record Run(int exitCode, String output) {}

  @ParameterizedTest
  @EnumSource(Db.class)
  void migrateInfoAndOperatorKeyWorkOnEachDatabase(Db db) throws Exception {
    Map<String, String> env = databaseEnv(db);
    Run migrate = run(env, "db", "migrate", CONFIG.toString());
    assertThat(migrate.exitCode()).as(migrate.output()).isZero();
    assertThat(migrate.output()).contains("migrations applied: 1");
    assertThat(run(env, "db", "migrate", CONFIG.toString()).output()).contains("migrations applied: 0");

    Run info = run(env, "db", "info", CONFIG.toString());
    assertThat(info.output()).containsPattern("1\\s+tenants and api keys\\s+Success");

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

  private static Map<String, String> databaseEnv(Db db) {
    if (db == Db.H2) {
      Path dir = TestApps.tempDir();
      return Map.of("LEADBRIDGE_DB_URL", "jdbc:h2:file:" + dir.resolve("lb") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
    }
    TestDatabases.Target pg = TestDatabases.fresh(Db.POSTGRES);
    return Map.of("LEADBRIDGE_DB_URL", pg.url(), "LEADBRIDGE_DB_DRIVER", pg.driverClass(),
        "LEADBRIDGE_DB_USER", pg.user(), "LEADBRIDGE_DB_PASSWORD", pg.password());
  }

  private static Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.leadbridge.LeadbridgeApplication"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
