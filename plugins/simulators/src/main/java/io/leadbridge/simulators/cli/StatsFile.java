package io.leadbridge.simulators.cli;

import io.leadbridge.simulators.http.Json;
import io.leadbridge.simulators.hubspot.HubSpotSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone HubSpot simulator that also writes its counters (contacts, requests, 429s, most
 * requests in any 10 s window) to a JSON file at a fixed period and once more when it stops, so a
 * benchmark in another process reads them without spending the simulated portal's rate limit.
 * Each write replaces the file atomically. Thread-safe.
 */
final class StatsFile implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StatsFile.class);

  private final HubSpotSimulator simulator;
  private final Path file;
  private final ScheduledExecutorService timer;

  private StatsFile(HubSpotSimulator simulator, Path file) {
    this.simulator = simulator;
    this.file = file.toAbsolutePath();
    this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "hubspot-sim-stats");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Writes the figures now and then every {@code period} until closed. */
  static StatsFile start(HubSpotSimulator simulator, Path file, Duration period) {
    StatsFile stats = new StatsFile(simulator, file);
    stats.write();
    stats.timer.scheduleAtFixedRate(stats::writeQuietly, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    return stats;
  }

  HubSpotSimulator simulator() {
    return simulator;
  }

  /** The figures as written: {@code at} (epoch ms), contacts, requests, rateLimited, maxRequestsInAnyWindow. */
  Map<String, Long> figures() {
    Map<String, Long> figures = new LinkedHashMap<>();
    figures.put("at", System.currentTimeMillis());
    figures.put("contacts", (long) simulator.contactCount());
    figures.put("requests", simulator.requestCount());
    figures.put("rateLimited", simulator.rateLimitedCount());
    figures.put("maxRequestsInAnyWindow", (long) simulator.maxRequestsInAnyWindow());
    return figures;
  }

  /** Stops the periodic writes, writes the final figures, then stops the simulator. */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    }
    writeQuietly();
    simulator.close();
  }

  private void write() {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try {
      Files.write(partial, Json.write(figures()));
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the simulator's stats to " + file, e);
    }
  }

  private void writeQuietly() {
    try {
      write();
    } catch (UncheckedIOException e) {
      // A full disk must not stop the simulator; the next period tries again.
      LOG.warn("{}", e.getMessage(), e.getCause());
    }
  }
}
