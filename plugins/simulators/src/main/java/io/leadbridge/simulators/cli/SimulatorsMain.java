package io.leadbridge.simulators.cli;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point of the standalone {@code simulators.jar}: starts one simulator and runs until SIGTERM. Not shared between threads. */
public final class SimulatorsMain {
  private static final Logger LOG = LoggerFactory.getLogger(SimulatorsMain.class);
  private static final String USAGE =
      "usage: java -jar simulators.jar hubspot [--port 9100] [--token T]... [--portal-id N] [--tier 100|190|250]"
          + " [--ten-second-limit N] [--daily-limit N] [--time-zone Z] [--retry-after never|ten-secondly-only|all-rate-limits]"
          + " [--fail-probability P] [--fail-every N] [--fail-statuses 500,502,504] [--latency-ms N]"
          + " [--omit-rate-limit-headers P] [--hang] [--secondly-headers] [--stats-file F]\n"
          + "       java -jar simulators.jar kms [--port 9200] [--region R] [--access-key K --secret-key S]"
          + " [--alias alias/name]... [--fault throttling|disabled|invalid-ciphertext|access-denied|not-found|internal|hang]"
          + " [--fault-operation Decrypt]\n"
          + "       java -jar simulators.jar adf [--port 9300] [--token T [--token-header X-Adf-Token]]"
          + " [--signing-secret S] [--strict]";

  private SimulatorsMain() {}

  public static void main(String[] args) throws InterruptedException {
    AutoCloseable simulator;
    try {
      simulator = start(List.of(args));
    } catch (RuntimeException e) {
      // Bad options and a port already in use both end here: say why, show usage, exit non-zero.
      LOG.error("Cannot start: {}\n{}", e.getMessage(), USAGE);
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(simulator, stopped), "simulator-shutdown"));
    stopped.await();
  }

  /** Starts the simulator the first argument names, configured by the rest. */
  static AutoCloseable start(List<String> args) {
    if (args.isEmpty()) {
      throw new IllegalArgumentException("Name a simulator: hubspot, kms or adf");
    }
    List<String> options = args.subList(1, args.size());
    switch (args.get(0)) {
      case "hubspot":
        return HubSpotCommand.start(options);
      case "kms":
        return KmsCommand.start(options);
      case "adf":
        return AdfCommand.start(options);
      default:
        throw new IllegalArgumentException("Unknown simulator " + args.get(0));
    }
  }

  private static void stop(AutoCloseable simulator, CountDownLatch stopped) {
    try {
      simulator.close();
      LOG.info("Simulator stopped");
    } catch (Exception e) {
      LOG.warn("Simulator did not stop cleanly", e);
    } finally {
      stopped.countDown();
    }
  }
}
