package io.leadbridge.flags;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A real unleash-server for one test class, run through ops/unleash/start and stop on a free
 * loopback port with a database of its own, so parallel runs never meet. It can be killed like a
 * crashed server and started again on the same port and database. Shared with the app's tests
 * through this module's test jar. Not thread-safe.
 */
public final class LocalUnleashServer {

  public static final String ADMIN_TOKEN = "*:*.leadbridge-it-admin-token";
  public static final String BACKEND_TOKEN = "default:development.leadbridge-it-backend-token";
  private static final List<String> REQUIRED_COMMANDS =
      List.of("bash", "node", "npm", "curl", "psql", "pg_isready");
  /** npm ci (about 20 s, more on a cold cache) plus the script's own 90 s health wait. */
  private static final long START_TIMEOUT_SECONDS = 360;
  private static final long STOP_TIMEOUT_SECONDS = 60;
  /** The start script's own check that the pid in the pid file is still this server. */
  private static final String SERVER_COMMAND = "unleash-server/dist/server.js";

  private final Path opsDir;
  private final Path stateDir;
  private final String database;
  private final int port;

  private LocalUnleashServer(Path opsDir, Path stateDir, String database, int port) {
    this.opsDir = opsDir;
    this.stateDir = stateDir;
    this.database = database;
    this.port = port;
  }

  /** Starts a server; fails with the reason when a tool is missing or the start script fails. */
  public static LocalUnleashServer start(Path opsDir, Path stateRoot)
      throws IOException, InterruptedException {
    requireTools(opsDir);
    String database = "leadbridge_flags_it_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    LocalUnleashServer server =
        new LocalUnleashServer(opsDir, stateRoot.resolve(database), database, freeLoopbackPort());
    Files.createDirectories(server.stateDir);
    server.script("start", START_TIMEOUT_SECONDS);
    return server;
  }

  /**
   * Starts a server with the settings the build passes to the tests: {@code leadbridge.unleash.opsDir}
   * (the scripts) and {@code leadbridge.unleash.stateRoot} (pid files, logs).
   */
  public static LocalUnleashServer startForTests() throws IOException, InterruptedException {
    return start(
        Path.of(System.getProperty("leadbridge.unleash.opsDir", "../ops/unleash")).toAbsolutePath().normalize(),
        Path.of(System.getProperty("leadbridge.unleash.stateRoot", "target/unleash-it")).toAbsolutePath());
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public String database() {
    return database;
  }

  /** The Admin API of this server, with the admin token. */
  public LocalUnleashAdmin admin() {
    return new LocalUnleashAdmin(url());
  }

  /**
   * Kills the server with SIGKILL, as a crash would: no shutdown, database and state dir kept.
   * Returns once the process is gone and the port no longer answers.
   */
  public void kill() throws IOException, InterruptedException {
    long pid = Long.parseLong(Files.readString(stateDir.resolve("unleash.pid"), StandardCharsets.UTF_8).trim());
    ProcessHandle process = ProcessHandle.of(pid)
        .filter(handle -> handle.info().commandLine().filter(line -> line.contains(SERVER_COMMAND)).isPresent())
        .orElseThrow(() -> new IllegalStateException("pid " + pid + " is not this unleash-server"));
    process.destroyForcibly();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_TIMEOUT_SECONDS);
    // A killed process stays a zombie until its parent reaps it; it has no command then.
    while (process.isAlive() && process.info().command().isPresent() || answers()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("unleash-server (pid " + pid + ") still running after SIGKILL");
      }
      Thread.sleep(100);
    }
  }

  /** Starts the server again after {@link #kill()}: same port, same database, so every flag and token is kept. */
  public void startAgain() throws IOException, InterruptedException {
    script("start", START_TIMEOUT_SECONDS);
  }

  /** Stops the server and drops its database, so test runs leave nothing behind. */
  public void stop() throws IOException, InterruptedException {
    try {
      script("stop", STOP_TIMEOUT_SECONDS);
    } finally {
      run(List.of("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-q", "-c",
          "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)"),
          Map.of(), "drop-database", STOP_TIMEOUT_SECONDS);
    }
  }

  private void script(String name, long timeoutSeconds) throws IOException, InterruptedException {
    Map<String, String> environment = Map.of(
        "UNLEASH_PORT", Integer.toString(port),
        "UNLEASH_DB", database,
        "UNLEASH_STATE_DIR", stateDir.toString(),
        "UNLEASH_ADMIN_TOKEN", ADMIN_TOKEN,
        "UNLEASH_BACKEND_TOKEN", BACKEND_TOKEN);
    run(List.of("bash", opsDir.resolve(name).toString()), environment, name, timeoutSeconds);
  }

  private void run(List<String> command, Map<String, String> environment, String label, long timeoutSeconds)
      throws IOException, InterruptedException {
    Path output = stateDir.resolve(label + ".out");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(output.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(label + " did not finish within " + timeoutSeconds + " s; output:\n"
          + Files.readString(output, StandardCharsets.UTF_8));
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(label + " failed with exit " + process.exitValue() + "; output:\n"
          + Files.readString(output, StandardCharsets.UTF_8));
    }
  }

  private boolean answers() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  private static void requireTools(Path opsDir) {
    if (!Files.isRegularFile(opsDir.resolve("start"))) {
      throw new IllegalStateException("ops/unleash/start not found at " + opsDir
          + " (set -Dleadbridge.unleash.opsDir)");
    }
    List<String> missing = REQUIRED_COMMANDS.stream().filter(command -> !onPath(command)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("the Unleash integration test needs " + missing
          + " on PATH (Node.js 20+ with npm, PostgreSQL 15 client and server); install them,"
          + " or run with -Dleadbridge.unleash.skip=true to skip this test on purpose");
    }
  }

  private static boolean onPath(String command) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String directory : path.split(File.pathSeparator)) {
      if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, command))) {
        return true;
      }
    }
    return false;
  }

  /** A port that was free a moment ago; the start script fails clearly if someone took it since. */
  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
