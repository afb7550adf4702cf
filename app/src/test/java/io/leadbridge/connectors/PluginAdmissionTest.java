package io.leadbridge.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.testing.ConnectorSource;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.HubTest;
import io.leadbridge.testing.PluginJar;
import io.leadbridge.testing.TestApps;
import io.leadbridge.testing.TestPublisher;
import io.leadbridge.testing.TestTrust;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Admission: a jar loads only when its SHA-256 is on the operator's allowlist or it is signed by a
 * trusted publisher; an unlisted unsigned jar, a stranger's signature, a tampered signed jar, a
 * zip bomb, a jar naming two plugin ids, a lying descriptor and a file that is no zip are each
 * FAILED with a one-line cause — and an untrusted jar never has a class loaded. Every decision is
 * audited, and {@code GET /v1/plugins} shows each jar's hash, signer and trust. Not thread-safe
 * (JUnit runs its tests one at a time).
 */
@ParameterizedClass
@EnumSource(value = Db.class, names = "H2")
class PluginAdmissionTest extends HubTest {

  /** Set by the untrusted jar's static initializer, should it ever run. */
  private static final String RAN = "leadbridge.test.untrusted-ran-" + UUID.randomUUID();
  private static final TestPublisher TRUSTED = TestPublisher.create("Trusted Test Publisher");
  private static final TestPublisher STRANGER = TestPublisher.create("Stranger Test Publisher");
  private static final Path PLUGINS = plugins();

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.appWithPlugins(db, PLUGINS,
        ConfigOverride.config("connectors.trust.trustStore", TRUSTED.trustStore().toString()));
  }

  @Test
  void anAllowlistedJarAndOneSignedByATrustedPublisherLoadAndShowHowTheyAreTrusted() throws IOException {
    JsonNode listed = plugin("listed.jar");
    assertThat(listed.get("state").asText()).isEqualTo("STARTED");
    assertThat(listed.get("trusted").asBoolean()).isTrue();
    assertThat(listed.get("trust").asText()).isEqualTo("allowlisted");
    assertThat(listed.get("sha256").asText()).isEqualTo(sha256("listed.jar"));
    assertThat(listed.get("signer").isNull()).isTrue();

    JsonNode signed = plugin("signed.jar");
    assertThat(signed.get("state").asText()).as(signed.toString()).isEqualTo("STARTED");
    assertThat(signed.get("trust").asText()).isEqualTo("signed");
    assertThat(signed.get("signer").asText()).isEqualTo("CN=Trusted Test Publisher");
  }

  @Test
  void anUnlistedUnsignedJarIsNotTrustedAndNoneOfItsClassesEverRan() throws IOException {
    JsonNode plugin = plugin("unlisted.jar");

    assertThat(plugin.get("state").asText()).isEqualTo("FAILED");
    assertThat(plugin.get("cause").asText()).isEqualTo("not trusted: " + sha256("unlisted.jar"));
    assertThat(plugin.get("id").asText()).isEqualTo("unlisted");
    assertThat(plugin.get("trusted").asBoolean()).isFalse();
    assertThat(plugin.get("trust").isNull()).isTrue();
    assertThat(System.getProperty(RAN)).isNull();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "stranger.jar|(signed by CN=Stranger Test Publisher, who is not in connectors.trust.trustStore)",
      "tampered.jar|(the signature does not verify: com/example/tampered/TestConnector.class)",
      "bomb.jar|the jar inflates to more than 512 MiB (a zip bomb?)",
      "two-ids.jar|the jar names two plugin ids: 'two-ids' in its manifest and 'another' in plugin.properties",
      "lying.jar|the descriptor's id 'truthful' differs from the manifest's Plugin-Id 'lying'",
      "not-a-zip.jar|the file is not a readable jar"})
  void aJarThatIsNotWhatItClaimsIsFailedWithAOneLineCause(String file, String cause) throws IOException {
    JsonNode plugin = plugin(file);

    assertThat(plugin.get("state").asText()).isEqualTo("FAILED");
    assertThat(plugin.get("cause").asText()).contains(cause).doesNotContain("\n", "\tat ");
    if (file.equals("stranger.jar") || file.equals("tampered.jar")) {
      assertThat(plugin.get("cause").asText()).startsWith("not trusted: " + sha256(file));
    }
    assertThat(hub().api().get("/v1/me", hub().operatorKey()).statusCode()).isEqualTo(200);
  }

  @Test
  void anAllowlistedJarWhoseFileChangedAfterListingIsNotTrustedOnTheNextReloadAndEveryDecisionIsAudited() throws Exception {
    PluginJar.of(ConnectorSource.connector("changing", "1.0.0")).writeTo(PLUGINS, "changing.jar");
    assertThat(reload("changing.jar").get("state").asText()).isEqualTo("STARTED");

    PluginJar.of(ConnectorSource.connector("changing", "1.0.1")).writeUntrusted(PLUGINS, "changing.jar");
    JsonNode changed = reload("changing.jar");

    assertThat(changed.get("state").asText()).isEqualTo("FAILED");
    assertThat(changed.get("cause").asText()).isEqualTo("not trusted: " + sha256("changing.jar"));
    List<String> audited = new ArrayList<>();
    Hub.json(hub().api().get("/v1/audit?limit=200", hub().operatorKey())).get("items")
        .forEach(event -> audited.add(event.get("action").asText() + " " + event.path("subject").asText()));
    String changedSha = sha256("changing.jar");
    assertThat(audited).anyMatch(event -> event.startsWith("plugin.admitted changing.jar"))
        .anyMatch(event -> event.startsWith("plugin.refused changing.jar sha256=" + changedSha))
        .anyMatch(event -> event.startsWith("plugin.admitted signed.jar") && event.contains("signer=CN=Trusted Test Publisher"))
        .anyMatch(event -> event.startsWith("plugins.reloaded"));
  }

  private JsonNode reload(String file) {
    JsonNode reloaded = Hub.json(hub().api().postJson("/v1/plugins/reload", hub().operatorKey(), ""));
    for (JsonNode item : reloaded.get("items")) {
      if (item.get("file").asText().equals(file)) {
        return item;
      }
    }
    throw new AssertionError("no " + file + " in " + reloaded);
  }

  private JsonNode plugin(String file) {
    for (JsonNode item : Hub.json(hub().api().get("/v1/plugins", hub().operatorKey())).get("items")) {
      if (item.get("file").asText().equals(file)) {
        return item;
      }
    }
    throw new AssertionError("no plugin " + file);
  }

  private static String sha256(String file) throws IOException {
    return TestTrust.sha256(Files.readAllBytes(PLUGINS.resolve(file)));
  }

  private static Path plugins() {
    try {
      Path dir = TestApps.tempDir();
      Path staging = TestApps.tempDir();
      PluginJar.of(ConnectorSource.connector("listed", "1.0.0")).writeTo(dir, "listed.jar");
      PluginJar.of(ConnectorSource.connector("unlisted", "1.0.0").staticInit("System.setProperty(\"" + RAN + "\", \"yes\");"))
          .writeUntrusted(dir, "unlisted.jar");
      signed(TRUSTED, ConnectorSource.connector("signed", "1.0.0"), staging, dir, "signed.jar");
      signed(STRANGER, ConnectorSource.connector("stranger", "1.0.0"), staging, dir, "stranger.jar");
      Path tampered = signed(TRUSTED, ConnectorSource.connector("tampered", "1.0.0"), staging, staging, "tampered.jar");
      TestPublisher.tamper(tampered, "com/example/tampered/TestConnector.class");
      Files.move(tampered, dir.resolve("tampered.jar"));
      bomb(dir.resolve("bomb.jar"));
      TestTrust.allow(dir, dir.resolve("bomb.jar"));
      PluginJar.of(ConnectorSource.connector("two-ids", "1.0.0"))
          .resource("plugin.properties", "plugin.id=another\nplugin.version=1.0.0\n".getBytes(StandardCharsets.UTF_8))
          .writeTo(dir, "two-ids.jar");
      PluginJar.of(ConnectorSource.connector("lying", "1.0.0")
          .descriptorBody("return " + ConnectorSource.descriptor("truthful", "1.0.0") + ";")).writeTo(dir, "lying.jar");
      Files.writeString(dir.resolve("not-a-zip.jar"), "this is no zip file");
      TestTrust.allow(dir, dir.resolve("not-a-zip.jar"));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path signed(TestPublisher publisher, ConnectorSource source, Path staging, Path into, String file)
      throws IOException {
    Path jar = PluginJar.of(source).writeUntrusted(staging, file);
    publisher.sign(jar);
    return into.equals(staging) ? jar : Files.move(jar, into.resolve(file), StandardCopyOption.REPLACE_EXISTING);
  }

  /** A jar whose one entry inflates to 600 MiB of zeros from well under a MiB on disk. */
  private static void bomb(Path file) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file))) {
      out.putNextEntry(new JarEntry("zeros.bin"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 600; i++) {
        out.write(zeros);
      }
      out.closeEntry();
    }
  }
}
