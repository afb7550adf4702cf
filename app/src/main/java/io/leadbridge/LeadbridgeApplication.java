package io.leadbridge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.leadbridge.apilimits.ApiLimits;
import io.leadbridge.audit.Actor;
import io.leadbridge.audit.AuditResource;
import io.leadbridge.audit.AuditTrail;
import io.leadbridge.auth.ApiKeyAuthentication;
import io.leadbridge.cli.DbCommand;
import io.leadbridge.cli.FlagsCommand;
import io.leadbridge.cli.KeysCommand;
import io.leadbridge.cli.OperatorKeyCommand;
import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connectors.ConnectorRegistry;
import io.leadbridge.connectors.ConnectorsModule;
import io.leadbridge.credentials.CredentialException;
import io.leadbridge.credentials.CredentialVault;
import io.leadbridge.credentials.CredentialsModule;
import io.leadbridge.delivery.DeliveryModule;
import io.leadbridge.delivery.IntakeOutbox;
import io.leadbridge.delivery.VendorRateLimiter;
import io.leadbridge.flags.FlagCatalog;
import io.leadbridge.integrations.DeliveryRoute;
import io.leadbridge.integrations.EnabledIntegrations;
import io.leadbridge.integrations.IntegrationsModule;
import io.leadbridge.leads.LeadsModule;
import io.leadbridge.leads.ShopperDigests;
import io.leadbridge.rollout.RolloutModule;
import io.leadbridge.rollout.RolloutReport;
import io.leadbridge.rollout.RolloutResource;
import io.leadbridge.storage.DatabaseVendor;
import io.leadbridge.storage.Databases;
import io.leadbridge.storage.Migrations;
import io.leadbridge.tenants.OffboardingStep;
import io.leadbridge.tenants.TenantsModule;
import io.leadbridge.web.LogHygiene;
import io.leadbridge.web.WebHygiene;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Leadbridge hub: wires the modules into one Dropwizard application. */
public class LeadbridgeApplication extends Application<LeadbridgeConfiguration> {

  private static final Logger LOG = LoggerFactory.getLogger(LeadbridgeApplication.class);

  private volatile ConnectorsModule connectors;

  public static void main(String[] args) throws Exception {
    new LeadbridgeApplication().run(args);
  }

  @Override
  public String getName() {
    return "leadbridge";
  }

  @Override
  public void initialize(Bootstrap<LeadbridgeConfiguration> bootstrap) {
    bootstrap.setConfigurationSourceProvider(
        new SubstitutingSourceProvider(
            bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
    bootstrap.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    // A field twice is refused, not "the last one wins"; 2020.5 is not a year, not 2020.
    bootstrap.getObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    bootstrap.getObjectMapper().disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    bootstrap.getObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    bootstrap.addCommand(new DbCommand());
    bootstrap.addCommand(new OperatorKeyCommand());
    bootstrap.addCommand(new KeysCommand());
    bootstrap.addCommand(new FlagsCommand());
  }

  @Override
  public void run(LeadbridgeConfiguration config, Environment environment) {
    LogHygiene.install();
    if (config.getStorage().isMigrateOnStart()) {
      Migrations.migrate(config.database());
    }
    Jdbi jdbi = Databases.forServer(environment, config.database());
    Clock clock = Clock.systemUTC();

    AuditTrail audit = new AuditTrail(jdbi, clock);
    CredentialsModule credentials =
        new CredentialsModule(
            config.getKeys(),
            config.getProfile(),
            config.getStorage().getDataDirectory(),
            jdbi,
            audit,
            environment.metrics(),
            clock);
    environment.lifecycle().manage(credentials);
    environment.healthChecks().register("keys", credentials.healthCheck());

    OffboardingStep shredCredentials =
        tenantId -> credentials.vault().shredTenant(tenantId, Actor.system("offboarding"));
    TenantsModule tenants = new TenantsModule(jdbi, clock, List.of(shredCredentials));
    ApiKeyAuthentication.install(environment.jersey(), tenants.keyStore());
    ApiLimits.install(environment.jersey(), config.getApiLimits(), jdbi,
        DatabaseVendor.fromJdbcUrl(config.database().getUrl()), environment.metrics());
    tenants.resources().forEach(environment.jersey()::register);
    environment.jersey().register(new AuditResource(audit));

    IntegrationsModule integrations =
        new IntegrationsModule(jdbi, credentials.vault(), config.getIntegrations(), clock);
    VendorRateLimiter limiter = VendorRateLimiter.shared(jdbi, DatabaseVendor.fromJdbcUrl(config.database().getUrl()),
        Duration.ofMillis(config.getDelivery().getRateLimitGuard().toMilliseconds()), clock);
    LeadsModule leads = new LeadsModule(jdbi, clock, new IntakeOutbox(EnabledIntegrations.inTables()),
        shopperDigests(credentials.vault()), config.getLeads());
    leads.resources().forEach(environment.jersey()::register);
    connectors = new ConnectorsModule(config.getConnectors(), clock, environment.metrics(),
        integrations.credentialSource(), limiter, PublishedApi.version(), audit,
        List.of(integrations.webhookConnector(leads.queries()::documents, limiter)));
    connectors.install(environment);
    ConnectorRegistry registry = connectors.registry();
    Supplier<List<String>> startedConnectors =
        () -> registry.startedDescriptors().stream().map(ConnectorDescriptor::id).toList();
    RolloutModule rollout = new RolloutModule(config.getRollout(), config.getStorage().getDataDirectory(),
        tenants.tenants()::find, startedConnectors, clock);
    environment.lifecycle().manage(rollout);
    environment.healthChecks().register("rollout", rollout.healthCheck());

    DeliveryModule delivery = new DeliveryModule(config.getDelivery(), jdbi, clock, environment.metrics(), audit,
        limiter, new DeliveryModule.Collaborators(leads.queries(), connectors.registry(),
            integrations.deliveryRoutes(), rollout.gate()));
    environment.lifecycle().manage(delivery);
    delivery.resources().forEach(environment.jersey()::register);
    integrations.resources(connectors.registry(), rollout.gate(), delivery.checks()).forEach(environment.jersey()::register);
    List<String> connectorIds = new ArrayList<>(FlagCatalog.standard().connectorPluginIds());
    connectorIds.add(DeliveryRoute.WEBHOOK);
    environment.jersey().register(new RolloutResource(new RolloutReport(FlagCatalog.standard(), startedConnectors,
        rollout.gate(), tenants.tenants()::activeIds, delivery.activity(environment.metrics(), connectorIds))));

    WebHygiene.install(environment, config.getWeb(), PublishedApi.version(), PublishedApi.RESOURCES);
  }

  /**
   * Shopper digests from the tenants' data keys. Without the key service a lead is still taken,
   * only not compared: a duplicate mark is not worth refusing a lead.
   */
  private static ShopperDigests shopperDigests(CredentialVault vault) {
    return (tenantId, values) -> {
      try {
        CredentialVault.KeyedDigests digests = vault.keyedDigests(tenantId, values);
        return Optional.of(new ShopperDigests.Digests(digests.keyVersion(), digests.digests()));
      } catch (CredentialException.KeyServiceUnavailableException unavailable) {
        LOG.warn("lead of tenant {} taken without a duplicate check: the key service is unavailable", tenantId);
        return Optional.empty();
      }
    };
  }

  /** The plugin host of the running hub, for wiring later modules and for tests; null before run. */
  public ConnectorRegistry connectors() {
    ConnectorsModule module = connectors;
    return module == null ? null : module.registry();
  }
}
