package io.leadbridge.simulators.cli;

import io.leadbridge.simulators.adf.AdfReceiverSimulator;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code simulators.jar adf ...}: a dealer CRM's ADF intake that logs each lead it gets. Stateless, so thread-safe. */
final class AdfCommand {
  static final Set<String> FLAGS = Set.of("--strict");
  static final Set<String> VALUED = Set.of("--port", "--token", "--token-header", "--signing-secret");
  private static final Logger LOG = LoggerFactory.getLogger(AdfCommand.class);

  private AdfCommand() {}

  static AutoCloseable start(List<String> args) {
    CliArguments options = CliArguments.parse(args, FLAGS, VALUED);
    AdfReceiverSimulator.Builder builder = AdfReceiverSimulator.builder().port(options.intValue("--port", 9300)).logLeads();
    options.value("--token").ifPresent(token -> builder.token(options.value("--token-header").orElse("X-Adf-Token"), token));
    options.value("--signing-secret").ifPresent(builder::signingSecret);
    if (options.flag("--strict")) {
      builder.strict();
    }
    AdfReceiverSimulator simulator = builder.start();
    LOG.info("ADF intake simulator ({}) listening on {}; POST application/xml or text/xml to any path",
        options.flag("--strict") ? "strict ADF 1.0" : "lenient, as real CRMs", simulator.baseUri());
    return simulator;
  }
}
