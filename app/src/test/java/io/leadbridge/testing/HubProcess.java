package io.leadbridge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One hub run as an operator runs it: {@code java -jar leadbridge-app-*-all.jar server <config>}
 * in its own JVM, on fixed ports so that it can be killed ({@code kill -9}) and started again where
 * its clients expect it. Each start logs to its own file under the test's log directory. Every
 * process still running when the test JVM exits is killed, so a failed test leaves no hub behind.
 * Thread-safe.
 */
public final class HubProcess implements AutoCloseable {

  /** The shaded jar the package phase built; failsafe names it, a run from the module falls back to target/. */
  private static final Path APP_JAR = Path.of(System.getProperty("leadbridge.app.jar",
      "target/leadbridge-app-0.1.0-all.jar")).toAbsolutePath();
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final List<Process> RUNNING = new CopyOnWriteArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(
        () -> RUNNING.forEach(Process::destroyForcibly), "kill-hub-processes"));
  }

  private final String name;
  private final Path config;
  private final Map<String, String> environment;
  private final Path logDirectory;
  private final int port;
  private final int adminPort;
  private Process process;
  private int starts;

  /**
   * @param name names the log files ({@code <name>-<start>.log})
   * @param config the configuration file
   * @param environment what the configuration reads ({@code LEADBRIDGE_PORT}, {@code LEADBRIDGE_ADMIN_PORT} included)
   */
  public HubProcess(String name, Path config, Map<String, String> environment, Path logDirectory) {
    this.name = name;
    this.config = config;
    this.environment = Map.copyOf(environment);
    this.logDirectory = logDirectory;
    this.port = Integer.parseInt(environment.get("LEADBRIDGE_PORT"));
    this.adminPort = Integer.parseInt(environment.get("LEADBRIDGE_ADMIN_PORT"));
  }

  /** The test resource {@code hub-process.yml}, as a file a child JVM can read. */
  public static Path processConfig() {
    return Path.of("target", "test-classes", "hub-process.yml").toAbsolutePath();
  }

  /** Starts the hub and returns once it answers on both ports; fails with its log if it does not. */
  public synchronized HubProcess start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is already running");
    }
    if (!Files.isRegularFile(APP_JAR)) {
      throw new IllegalStateException(APP_JAR + " is missing: package the app first (mvn -B verify runs this after package)");
    }
    starts++;
    Path log = logDirectory.resolve(name + "-" + starts + ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // Small and quick to start on a shared 2-core machine: the tests need correctness, not peak speed.
        "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-jar", APP_JAR.toString(), "server", config.toString()));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    try {
      Files.createDirectories(logDirectory);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
    RUNNING.add(process);
    awaitReady(log);
    return this;
  }

  /** {@code kill -9}: no shutdown hook, no graceful stop; what a crashed machine or OOM killer does. */
  public synchronized void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    waitForExit(process);
    RUNNING.remove(process);
  }

  /** Stops the hub the way an operator does (SIGTERM), killing it if it does not stop in time. */
  @Override
  public synchronized void close() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
    }
    RUNNING.remove(process);
  }

  /** The hub's API. */
  public Api api() {
    return new Api(port);
  }

  /** How many events a meter of the hub's admin metrics counted (0 when it does not exist yet). */
  public long meterCount(String meter) {
    HttpResponse<String> metrics = new Api(adminPort).get("/metrics", null);
    JsonNode count = Hub.json(metrics).path("meters").path(meter).path("count");
    return count.isMissingNode() ? 0 : count.asLong();
  }

  private void awaitReady(Path log) {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (!answers()) {
      if (!process.isAlive() || Instant.now().isAfter(deadline)) {
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not start (exit " + (process.isAlive() ? "-" : process.exitValue())
            + "); its log " + log + " ends with:\n" + tail(log));
      }
      Poll.sleep(200);
    }
  }

  /** Ready: the API answers (401 without a key) and the admin port reports healthy. */
  private boolean answers() {
    try {
      return api().get("/v1/me", null).statusCode() == 401
          && new Api(adminPort).get("/healthcheck", null).statusCode() == 200;
    } catch (UncheckedIOException notYet) {
      return false;
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private static void waitForExit(Process process) {
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("a killed hub process did not exit");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
