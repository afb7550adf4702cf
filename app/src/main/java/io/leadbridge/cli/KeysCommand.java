package io.leadbridge.cli;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.audit.Actor;
import io.leadbridge.audit.AuditTrail;
import io.leadbridge.credentials.CredentialsModule;
import io.leadbridge.credentials.KeyRotation.RewrapReport;
import io.leadbridge.credentials.KeyRotation.TenantRotationReport;
import io.leadbridge.storage.Databases;
import io.leadbridge.storage.Migrations;
import io.leadbridge.web.LogHygiene;
import java.time.Clock;
import java.util.UUID;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code keys rotate-kek --to <key> <config>} and {@code keys rotate-tenant <tenantId> <config>}:
 * key rotation for operators, safe to run while the hub serves and safe to run again. Stateless.
 */
public final class KeysCommand extends ConfiguredCommand<LeadbridgeConfiguration> {

  private static final String ACTION = "keys-action";

  public KeysCommand() {
    super("keys", "Key rotation: rotate-kek rewraps every data key, rotate-tenant re-encrypts a tenant");
  }

  @Override
  public void configure(Subparser subparser) {
    Subparser kek =
        subparser.addSubparsers().addParser("rotate-kek").setDefault(ACTION, "rotate-kek")
            .description("Rewrap every tenant data key under another key-encryption key (restartable)");
    kek.addArgument("--to").required(true).help("the new KEK: a KMS key id, ARN or alias, or local:<name>");
    addFileArgument(kek);
    Subparser tenant =
        subparser.addSubparsers().addParser("rotate-tenant").setDefault(ACTION, "rotate-tenant")
            .description("Give a tenant a new data key version and re-encrypt its secrets");
    tenant.addArgument("tenantId").help("the tenant's id");
    addFileArgument(tenant);
  }

  @Override
  protected void run(
      Bootstrap<LeadbridgeConfiguration> bootstrap, Namespace namespace, LeadbridgeConfiguration config) {
    LogHygiene.install();
    Migrations.migrate(config.database());
    Jdbi jdbi = Databases.forCommand(config.database());
    Clock clock = Clock.systemUTC();
    CredentialsModule credentials =
        new CredentialsModule(
            config.getKeys(),
            config.getProfile(),
            config.getStorage().getDataDirectory(),
            jdbi,
            new AuditTrail(jdbi, clock),
            new MetricRegistry(),
            clock);
    try {
      if ("rotate-kek".equals(namespace.getString(ACTION))) {
        rotateKek(credentials, namespace.getString("to"));
      } else {
        rotateTenant(credentials, namespace.getString("tenantId"));
      }
    } finally {
      credentials.close();
    }
  }

  private static void rotateKek(CredentialsModule credentials, String target) {
    RewrapReport report = credentials.rotation().rewrapAll(target, Actor.command("keys rotate-kek"));
    TerminalOutput.println("data keys rewrapped under " + report.targetKeyId() + ": " + report.rewrapped()
        + (report.skipped() > 0 ? " (" + report.skipped() + " changed meanwhile, run again)" : ""));
    if (!report.targetKeyId().equals(credentials.currentKeyId())) {
      TerminalOutput.println("Now point the configuration at the new key (keys.awsKms.keyId or keys.local.keyName)"
          + " so new data keys are wrapped under it, and restart the hub.");
    }
  }

  private static void rotateTenant(CredentialsModule credentials, String tenantId) {
    UUID id;
    try {
      id = UUID.fromString(tenantId);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("tenantId must be a UUID");
    }
    TenantRotationReport report = credentials.rotation().rotateTenant(id, Actor.command("keys rotate-tenant"));
    TerminalOutput.println("tenant " + report.tenantId() + " now uses data key v" + report.newVersion()
        + ": " + report.reencrypted() + " secrets re-encrypted, " + report.retiredKeys() + " old keys destroyed");
    if (report.unreadable() > 0) {
      TerminalOutput.println(report.unreadable() + " secrets could not be decrypted and stay under their old key;"
          + " replace them through the API");
    }
  }
}
