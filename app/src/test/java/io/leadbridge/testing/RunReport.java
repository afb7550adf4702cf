package io.leadbridge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The story of a long process test, for whoever reads it after a failure or wants its numbers:
 * lines with the seconds since the start, in {@code report.txt} of the run's directory and in the
 * test log, and optional periodic samples of the test's progress. Thread-safe.
 */
public final class RunReport implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RunReport.class);

  private final Path file;
  private final Instant started = Instant.now();
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "run-report-sampler");
    thread.setDaemon(true);
    return thread;
  });

  public RunReport(Path runDirectory, String title) {
    this.file = runDirectory.resolve("report.txt");
    line(title);
  }

  /** Adds a line. */
  public synchronized void line(String text) {
    String line = String.format("%6.1f s  %s", Duration.between(started, Instant.now()).toMillis() / 1000.0, text);
    LOG.info(line);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds what {@code sample} says every {@code period} until closed (a failing sample is reported, not thrown). */
  public void sampleEvery(Duration period, Supplier<String> sample) {
    sampler.scheduleWithFixedDelay(() -> {
      try {
        line(sample.get());
      } catch (RuntimeException e) {
        line("sample failed: " + e);
      }
    }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops sampling and adds the run's duration. */
  @Override
  public void close() {
    sampler.shutdownNow();
    line("done");
  }
}
