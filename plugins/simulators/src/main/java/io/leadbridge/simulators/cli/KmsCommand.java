package io.leadbridge.simulators.cli;

import io.leadbridge.simulators.kms.KmsFault;
import io.leadbridge.simulators.kms.KmsOperation;
import io.leadbridge.simulators.kms.KmsSimulator;
import io.leadbridge.simulators.kms.SimulatedKmsKey;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code simulators.jar kms ...}: builds a KMS fake, creates aliased keys and says which credentials sign. Stateless, so thread-safe. */
final class KmsCommand {
  static final Set<String> FLAGS = Set.of();
  static final Set<String> VALUED =
      Set.of("--port", "--region", "--access-key", "--secret-key", "--alias", "--fault", "--fault-operation");
  private static final Logger LOG = LoggerFactory.getLogger(KmsCommand.class);

  private KmsCommand() {}

  static KmsSimulator start(List<String> args) {
    CliArguments options = CliArguments.parse(args, FLAGS, VALUED);
    KmsSimulator.Builder builder = KmsSimulator.builder().port(options.intValue("--port", 9200));
    options.value("--region").ifPresent(builder::region);
    if (options.value("--access-key").isPresent() != options.value("--secret-key").isPresent()) {
      throw new IllegalArgumentException("Give both --access-key and --secret-key, or neither");
    }
    options.value("--access-key").ifPresent(key -> builder.credentials(key, options.value("--secret-key").orElseThrow()));
    KmsSimulator kms = builder.start();
    List<String> aliases = options.all("--alias").isEmpty() ? List.of("alias/leadbridge-dev") : options.all("--alias");
    for (String alias : aliases) {
      SimulatedKmsKey key = kms.createKey();
      kms.createAlias(alias.startsWith("alias/") ? alias : "alias/" + alias, key.keyId());
      LOG.info("KMS key {} as {}", key.arn(), alias);
    }
    options.value("--fault").map(KmsCommand::fault).ifPresent(fault -> injectFault(kms, fault, options));
    LOG.info(
        "KMS fake listening on {} (region {}); sign with access key id {} and secret key {}",
        kms.endpoint(),
        kms.region(),
        kms.accessKeyId(),
        kms.secretAccessKey());
    return kms;
  }

  private static void injectFault(KmsSimulator kms, KmsFault fault, CliArguments options) {
    options
        .value("--fault-operation")
        .map(KmsCommand::operation)
        .ifPresentOrElse(operation -> kms.faults().always(fault, operation), () -> kms.faults().always(fault));
  }

  private static KmsFault fault(String name) {
    return KmsFault.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  private static KmsOperation operation(String wireName) {
    for (KmsOperation operation : KmsOperation.values()) {
      if (operation.wireName().equalsIgnoreCase(wireName)) {
        return operation;
      }
    }
    throw new IllegalArgumentException("Unknown KMS operation " + wireName);
  }
}
