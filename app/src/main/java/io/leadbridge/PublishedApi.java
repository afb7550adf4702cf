package io.leadbridge;

import ch.qos.logback.classic.Level;
import io.dropwizard.logging.common.BootstrapLogging;
import io.leadbridge.audit.AuditResource;
import io.leadbridge.connectors.PluginsResource;
import io.leadbridge.delivery.DeliveriesResource;
import io.leadbridge.delivery.ManualQueueResource;
import io.leadbridge.integrations.AvailableConnectorsResource;
import io.leadbridge.integrations.InternalIntegrationsResource;
import io.leadbridge.integrations.ThirdPartyIntegrationsResource;
import io.leadbridge.leads.LeadsResource;
import io.leadbridge.rollout.RolloutResource;
import io.leadbridge.tenants.MeResource;
import io.leadbridge.tenants.OperatorKeysResource;
import io.leadbridge.tenants.TenantApiKeysResource;
import io.leadbridge.tenants.TenantsResource;
import io.leadbridge.web.WebHygiene;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The resource classes that make up the public API and the release version it is published
 * under; the build writes their OpenAPI document with {@link #main} (for the generated client),
 * and the running hub serves the same document; stateless.
 *
 * <p>A test checks that the hub registers exactly these resources, so the two documents are one.
 */
public final class PublishedApi {

  /** Every JAX-RS resource of the public API. */
  public static final List<Class<?>> RESOURCES =
      List.of(
          MeResource.class,
          TenantsResource.class,
          TenantApiKeysResource.class,
          OperatorKeysResource.class,
          AuditResource.class,
          PluginsResource.class,
          RolloutResource.class,
          DeliveriesResource.class,
          AvailableConnectorsResource.class,
          ThirdPartyIntegrationsResource.class,
          InternalIntegrationsResource.class,
          LeadsResource.class,
          ManualQueueResource.class);

  private PublishedApi() {}

  /** The release version from the build ({@code version.properties}). */
  public static String version() {
    try (InputStream in = PublishedApi.class.getResourceAsStream("version.properties")) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the OpenAPI document to the file named by the only argument. */
  public static void main(String[] args) throws IOException {
    BootstrapLogging.bootstrap(Level.WARN);
    Path target = Path.of(args[0]);
    Files.createDirectories(target.toAbsolutePath().getParent());
    Files.writeString(target, WebHygiene.openApiDocument(RESOURCES, version()), StandardCharsets.UTF_8);
  }
}
