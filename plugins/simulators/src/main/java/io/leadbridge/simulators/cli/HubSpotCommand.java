package io.leadbridge.simulators.cli;

import io.leadbridge.simulators.hubspot.HubSpotSimulator;
import io.leadbridge.simulators.hubspot.RateLimitTier;
import io.leadbridge.simulators.hubspot.RetryAfterPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code simulators.jar hubspot ...}: builds a HubSpot simulator from CLI options and says how to use it. Stateless, so thread-safe. */
final class HubSpotCommand {
  static final Set<String> FLAGS = Set.of("--hang", "--secondly-headers");
  static final Set<String> VALUED =
      Set.of(
          "--port", "--token", "--portal-id", "--tier", "--ten-second-limit", "--daily-limit", "--time-zone",
          "--retry-after", "--fail-probability", "--fail-every", "--fail-statuses", "--latency-ms",
          "--omit-rate-limit-headers", "--stats-file");
  private static final Duration STATS_PERIOD = Duration.ofSeconds(1);
  private static final Logger LOG = LoggerFactory.getLogger(HubSpotCommand.class);

  private HubSpotCommand() {}

  /**
   * Starts the simulator the options describe; with {@code --stats-file} it comes wrapped in a
   * {@link StatsFile} that writes its counters there every second.
   */
  static AutoCloseable start(List<String> args) {
    CliArguments options = CliArguments.parse(args, FLAGS, VALUED);
    HubSpotSimulator.Builder builder =
        HubSpotSimulator.builder()
            .port(options.intValue("--port", 9100))
            .tier(RateLimitTier.forTenSecondLimit(options.intValue("--tier", 100)))
            .secondlyHeaders(options.flag("--secondly-headers"));
    options.all("--token").forEach(builder::token);
    options.value("--portal-id").map(Long::parseLong).ifPresent(builder::portalId);
    options.value("--ten-second-limit").map(Integer::parseInt).ifPresent(builder::tenSecondLimit);
    options.value("--daily-limit").map(Long::parseLong).ifPresent(builder::dailyLimit);
    options.value("--time-zone").map(ZoneId::of).ifPresent(builder::timeZone);
    options
        .value("--retry-after")
        .map(text -> RetryAfterPolicy.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_')))
        .ifPresent(builder::retryAfter);
    HubSpotSimulator simulator = builder.start();
    applyChaos(simulator, options);
    LOG.info(
        "HubSpot simulator for portal {} listening on {}; send 'Authorization: Bearer {}'",
        simulator.portalId(),
        simulator.baseUri(),
        simulator.defaultToken());
    Optional<Path> statsFile = options.value("--stats-file").map(Path::of);
    if (statsFile.isEmpty()) {
      return simulator;
    }
    try {
      return StatsFile.start(simulator, statsFile.get(), STATS_PERIOD);
    } catch (RuntimeException unwritable) {
      simulator.close();
      throw unwritable;
    }
  }

  private static void applyChaos(HubSpotSimulator simulator, CliArguments options) {
    options.value("--fail-probability").map(Double::parseDouble).ifPresent(simulator.chaos()::failWithProbability);
    options.value("--fail-every").map(Integer::parseInt).ifPresent(simulator.chaos()::failEveryNth);
    options
        .value("--fail-statuses")
        .map(text -> Arrays.stream(text.split(",")).mapToInt(Integer::parseInt).toArray())
        .ifPresent(simulator.chaos()::failureStatuses);
    options
        .value("--latency-ms")
        .map(Long::parseLong)
        .map(Duration::ofMillis)
        .ifPresent(simulator.chaos()::latency);
    options
        .value("--omit-rate-limit-headers")
        .map(Double::parseDouble)
        .ifPresent(simulator.chaos()::omitRateLimitHeadersWithProbability);
    simulator.chaos().hangRequests(options.flag("--hang"));
  }
}
