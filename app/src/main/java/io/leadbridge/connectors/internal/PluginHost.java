package io.leadbridge.connectors.internal;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.lifecycle.Managed;
import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connectors.ConnectorLease;
import io.leadbridge.connectors.ConnectorRegistry;
import io.leadbridge.connectors.ConnectorsConfiguration;
import io.leadbridge.connectors.CredentialSource;
import io.leadbridge.connectors.IntegrationRateLimits;
import io.leadbridge.audit.AuditAction;
import io.leadbridge.connectors.PluginAdmission;
import io.leadbridge.connectors.PluginState;
import io.leadbridge.connectors.PluginStatus;
import io.leadbridge.connectors.PluginsException;
import io.leadbridge.connectors.TrustConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PF4J plugin host: loads every {@code *.jar} of the plugins directory at start, each in its
 * own PF4J manager and class loader ({@link PluginStarter}), keeps each jar's state (STARTED,
 * STOPPED by {@code disabled.txt}, or FAILED with its cause), leases STARTED connectors to callers
 * and reloads the directory on demand.
 *
 * <h2>How it is thread-safe</h2>
 * <ul>
 *   <li>What callers read is one immutable {@link Snapshot} in a volatile field: {@link #plugins()},
 *       {@link #startedDescriptors()} and {@link #started} never wait for a reload.</li>
 *   <li>Changes (start, reload, stop) are serialised by one lock. A reload builds the next snapshot
 *       aside, publishes it with one volatile write, and only then retires the versions it no
 *       longer holds.</li>
 *   <li>A lease is counted in on its {@link LoadedConnector} under that object's monitor, and only
 *       while the version is not retired. A caller that read a snapshot just before a reload and
 *       finds its version retired reads the snapshot again: the new one has the new version (or
 *       none). A retired version is unloaded by a drainer thread once its leases are given back, or
 *       once the latest lease deadline plus {@code drainGrace} has passed (calls still running then
 *       fail retryably). Calls in flight on a replaced version therefore finish on it.</li>
 *   <li>PF4J managers are not thread-safe; each is confined to the thread that loads it, then,
 *       after the retire hand-over (a monitor release and acquire), to the thread that unloads it.</li>
 * </ul>
 */
public final class PluginHost implements ConnectorRegistry, Managed {

  private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

  /** One plugin id per line; the host keeps those plugins STOPPED. */
  public static final String DISABLED_FILE = "disabled.txt";

  private final Path directory;
  private final Duration startTimeout;
  private final Duration maxCallDuration;
  private final Duration drainGrace;
  private final Duration shutdownTimeout;
  private final Clock clock;
  private final CallContexts contexts;
  private final Quarantine quarantine;
  private final CallBudgets budgets;
  private final TrustConfiguration trust;
  private final BiConsumer<AuditAction, String> audit;
  private final Set<String> reservedIds;
  private String trustDescribed;
  private final ExecutorService startThreads = Executors.newCachedThreadPool(daemons("plugin-start-"));
  private final ExecutorService drainThreads = Executors.newCachedThreadPool(daemons("plugin-drain-"));
  private final PluginStarter starter;
  private final ReentrantLock changes = new ReentrantLock();
  private final Set<LoadedConnector> retiring = ConcurrentHashMap.newKeySet();
  private volatile Snapshot snapshot = Snapshot.of(List.of());
  private JarCopies copies;
  private boolean stopped;

  /**
   * @param audit records an admission decision or a reload (action and subject, never a secret)
   * @param reservedIds the built-in connectors' ids, which no plugin may take
   */
  public PluginHost(ConnectorsConfiguration config, Clock clock, MetricRegistry metrics, CredentialSource credentials,
      IntegrationRateLimits rateLimits, String hubVersion, BiConsumer<AuditAction, String> audit,
      Set<String> reservedIds) {
    this.directory = config.resolvedPluginsDirectory();
    this.startTimeout = config.getStartTimeout().toJavaDuration();
    this.maxCallDuration = config.getMaxCallDuration().toJavaDuration();
    this.drainGrace = config.getDrainGrace().toJavaDuration();
    this.shutdownTimeout = config.getShutdownTimeout().toJavaDuration();
    this.clock = clock;
    this.starter = new PluginStarter(startThreads, startTimeout);
    this.contexts = new CallContexts(clock, credentials, rateLimits, metrics,
        new VendorHttpTransport(config.getHttp(), hubVersion));
    this.quarantine = new Quarantine(config.getContainment().getQuarantineAfter(), this::quarantine);
    this.budgets = new CallBudgets(config.getContainment(), metrics);
    this.trust = config.getTrust();
    this.audit = audit;
    this.reservedIds = Set.copyOf(reservedIds);
  }

  /** The directory this host scans. */
  public Path directory() {
    return directory;
  }

  @Override
  public void start() {
    changes.lock();
    try {
      copies = JarCopies.createTemporary();
      LOG.info("loading connector plugins from {}", directory);
      reload();
    } catch (PluginsException.DirectoryUnreadable e) {
      LOG.error("the plugins directory {} cannot be read; the hub runs without plugins until a reload", directory);
    } finally {
      changes.unlock();
    }
  }

  @Override
  public void stop() {
    changes.lock();
    try {
      stopped = true;
      Snapshot last = snapshot;
      snapshot = Snapshot.of(List.of());
      Instant hardStop = clock.instant().plus(shutdownTimeout);
      List<LoadedConnector> running = new ArrayList<>(last.started().values());
      running.addAll(retiring);
      running.forEach(LoadedConnector::retire);
      for (LoadedConnector connector : running) {
        awaitIdle(connector, hardStop);
        connector.unload();
      }
      startThreads.shutdownNow();
      drainThreads.shutdownNow();
      budgets.close();
      if (copies != null) {
        copies.deleteAll();
      }
    } finally {
      changes.unlock();
    }
  }

  @Override
  public Optional<ConnectorLease> started(String connectorId, Instant deadline) {
    Objects.requireNonNull(connectorId, "connectorId");
    Objects.requireNonNull(deadline, "deadline");
    if (deadline.isAfter(clock.instant().plus(maxCallDuration))) {
      throw new IllegalArgumentException("a call deadline may be at most " + maxCallDuration + " ahead");
    }
    Snapshot seen = snapshot;
    while (true) {
      LoadedConnector connector = seen.started().get(connectorId);
      if (connector == null) {
        return Optional.empty();
      }
      if (connector.tryAcquire(deadline)) {
        return Optional.of(new Lease(connector, contexts, quarantine, budgets, deadline));
      }
      // Retired by a reload that has already published a newer snapshot: look again there.
      Snapshot now = snapshot;
      if (now == seen) {
        return Optional.empty();
      }
      seen = now;
    }
  }

  @Override
  public Optional<ConnectorDescriptor> descriptor(String connectorId) {
    return Optional.ofNullable(snapshot.started().get(connectorId)).map(LoadedConnector::descriptor);
  }

  /** None: the host serves plugins only; {@link HubConnectors} adds the built-in ones. */
  @Override
  public boolean isBuiltIn(String connectorId) {
    return false;
  }

  @Override
  public List<ConnectorDescriptor> startedDescriptors() {
    return snapshot.started().values().stream()
        .map(LoadedConnector::descriptor)
        .sorted(Comparator.comparing(ConnectorDescriptor::id))
        .toList();
  }

  @Override
  public List<PluginStatus> plugins() {
    return snapshot.statuses();
  }

  @Override
  public boolean isQuarantined(String connectorId) {
    Snapshot now = snapshot;
    return !now.started().containsKey(connectorId) && now.statuses().stream()
        .anyMatch(status -> status.id().filter(connectorId::equals).isPresent()
            && status.cause().filter(cause -> cause.startsWith(Quarantine.CAUSE_PREFIX)).isPresent());
  }

  @Override
  public List<PluginStatus> reload() {
    changes.lock();
    try {
      if (stopped || copies == null) {
        throw new IllegalStateException("the plugin host is not running");
      }
      Snapshot before = snapshot;
      Scan scan = scan();
      Admission admission = admission();
      Map<String, Slot> next = new TreeMap<>();
      List<Path> candidates = new ArrayList<>();
      for (Path jar : scan.jars()) {
        String file = jar.getFileName().toString();
        Slot previous = before.byFile().get(file);
        try {
          String sha256 = JarCopies.sha256(jar);
          if (previous != null && previous.isCurrent(sha256, scan.disabled()) && admission.decide(jar, sha256).trusted()) {
            next.put(file, previous);
          } else {
            candidates.add(jar);
          }
        } catch (IOException e) {
          next.put(file, Slot.failed(file, PluginAdmission.UNREAD, Optional.empty(), Optional.empty(), Causes.of("the jar cannot be read", e)));
        }
      }
      startCandidates(candidates, scan.disabled(), next, admission);
      Snapshot after = Snapshot.of(next.values());
      snapshot = after;
      retireDropped(before, after);
      logChanges(before, after);
      audit.accept(AuditAction.PLUGINS_RELOADED, after.statuses().size() + " jars, "
          + after.started().size() + " started");
      return after.statuses();
    } finally {
      changes.unlock();
    }
  }

  /**
   * Takes a version out of service for what its calls did: its jar shows FAILED with the cause, no
   * new lease is granted, and it is unloaded once its calls in flight are over. Runs on a drain
   * thread, not on the calling (delivery) thread, which may hold a lease on the version.
   */
  private void quarantine(LoadedConnector connector, String cause) {
    drainThreads.execute(() -> {
      changes.lock();
      try {
        Snapshot before = snapshot;
        Optional<Slot> slot = before.byFile().values().stream().filter(s -> s.connector() == connector).findFirst();
        if (stopped || slot.isEmpty()) {
          return;
        }
        Map<String, Slot> next = new TreeMap<>(before.byFile());
        PluginStatus status = slot.get().status();
        next.put(slot.get().file(), Slot.failed(slot.get().file(), status.admission(), status.id(), status.version(), cause));
        Snapshot after = Snapshot.of(next.values());
        snapshot = after;
        retireDropped(before, after);
        logChanges(before, after);
      } finally {
        changes.unlock();
      }
    });
  }

  /** The trust files as they are now; a file that cannot be read trusts nothing, loudly. */
  private Admission admission() {
    Admission admission;
    try {
      admission = Admission.load(trust);
    } catch (IOException e) {
      admission = Admission.none("no jar is trusted: " + Causes.oneLine(String.valueOf(e.getMessage())));
    }
    if (!admission.described().equals(trustDescribed)) {
      trustDescribed = admission.described();
      if (admission.described().startsWith("no jar is trusted")) {
        LOG.warn("plugin admission: {}; every plugin jar will be FAILED", admission.described());
      } else {
        LOG.info("plugin admission: {}", admission.described());
      }
    }
    return admission;
  }

  /** How many replaced or removed versions are still waiting for their calls to finish. */
  public int draining() {
    return retiring.size();
  }

  private void startCandidates(List<Path> candidates, Set<String> disabled, Map<String, Slot> next, Admission admission) {
    Map<String, String> claimed = new HashMap<>();
    next.values().stream().filter(slot -> slot.status().state() != PluginState.FAILED)
        .forEach(slot -> slot.status().id().ifPresent(id -> claimed.put(id, slot.file())));
    Map<String, Staged> staged = new LinkedHashMap<>();
    for (Path jar : candidates) {
      String file = jar.getFileName().toString();
      JarCopies.Copy copy;
      try {
        copy = copies.copy(jar);
      } catch (IOException e) {
        next.put(file, Slot.failed(file, PluginAdmission.UNREAD, Optional.empty(), Optional.empty(), Causes.of("the jar cannot be copied", e)));
        continue;
      }
      Admission.Verdict verdict = admission.decide(copy.path(), copy.sha256());
      PluginAdmission admitted = new PluginAdmission(Optional.of(copy.sha256()), verdict.signer(), verdict.how());
      audit.accept(verdict.trusted() ? AuditAction.PLUGIN_ADMITTED : AuditAction.PLUGIN_REFUSED,
          file + " sha256=" + copy.sha256() + verdict.how().map(how -> " " + how).orElse("")
              + verdict.signer().map(signer -> " signer=" + signer).orElse(""));
      if (!verdict.trusted()) {
        // Decided before PF4J or any class loader sees the jar: nothing of it has run.
        // The manifest's id and version only name the refused jar in the API; no code of it is loaded.
        PluginManifest named = PluginManifest.read(copy.path());
        copies.delete(copy.path());
        next.put(file, Slot.failed(file, admitted, named.id(), named.version(), verdict.cause().orElseThrow()));
        continue;
      }
      PluginManifest manifest = PluginManifest.read(copy.path());
      Optional<String> problem = manifest.problem()
          .or(() -> manifest.id().filter(reservedIds::contains)
              .map(id -> "plugin id '" + id + "' is a connector built into the hub; give the plugin another id"))
          .or(() -> manifest.id().filter(claimed::containsKey)
              .map(id -> "the jar " + claimed.get(id) + " already provides plugin id '" + id + "'; remove one of the two"));
      if (problem.isPresent()) {
        copies.delete(copy.path());
        next.put(file, Slot.failed(file, admitted, manifest.id(), manifest.version(), problem.get()));
        continue;
      }
      if (disabled.contains(manifest.id().orElseThrow())) {
        copies.delete(copy.path());
        claimed.put(manifest.id().orElseThrow(), file);
        next.put(file, Slot.stopped(file, admitted, manifest));
        continue;
      }
      claimed.put(manifest.id().orElseThrow(), file);
      staged.put(file, new Staged(copy, admitted, manifest, starter.begin(copy.path(), manifest)));
    }
    Instant startedBy = clock.instant().plus(startTimeout);
    for (Map.Entry<String, Staged> entry : staged.entrySet()) {
      Staged stage = entry.getValue();
      StartResult result = awaitStart(stage.pending(), startedBy);
      if (result instanceof StartResult.Started started) {
        next.put(entry.getKey(), Slot.started(entry.getKey(), stage.admission(), stage.manifest(), started.connector()));
      } else {
        copies.delete(stage.copy().path());
        String cause = ((StartResult.Failed) result).cause();
        next.put(entry.getKey(), Slot.failed(entry.getKey(), stage.admission(), stage.manifest().id(),
            stage.manifest().version(), cause));
      }
    }
  }

  private StartResult awaitStart(PluginStarter.Pending pending, Instant startedBy) {
    Duration left = Duration.between(clock.instant(), startedBy);
    try {
      return pending.await(left.isNegative() ? Duration.ZERO : left);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return pending.abandon();
    }
  }

  private void retireDropped(Snapshot before, Snapshot after) {
    Map<LoadedConnector, Boolean> kept = new IdentityHashMap<>();
    after.started().values().forEach(connector -> kept.put(connector, Boolean.TRUE));
    for (LoadedConnector connector : before.started().values()) {
      if (!kept.containsKey(connector)) {
        connector.retire();
        retiring.add(connector);
        drainThreads.execute(() -> drain(connector));
      }
    }
  }

  private void drain(LoadedConnector connector) {
    try {
      if (!awaitIdle(connector, Instant.MAX)) {
        LOG.warn("{}: {} calls still in flight after their deadline; unloading anyway (they fail retryably)",
            connector, connector.inFlight());
      }
    } finally {
      connector.unload();
      copies.delete(connector.jarCopy());
      retiring.remove(connector);
      LOG.info("{} unloaded", connector);
    }
  }

  private boolean awaitIdle(LoadedConnector connector, Instant hardStop) {
    try {
      return connector.awaitIdle(clock, drainGrace, hardStop);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Scan scan() {
    if (!Files.isDirectory(directory)) {
      LOG.warn("the plugins directory {} does not exist; no plugins are loaded", directory);
      return new Scan(List.of(), Set.of());
    }
    try {
      return new Scan(AdmittedJars.jars(directory), disabledIds());
    } catch (IOException e) {
      LOG.error("the plugins directory {} cannot be listed: {}", directory, Causes.of("listing", e));
      throw new PluginsException.DirectoryUnreadable();
    }
  }

  private Set<String> disabledIds() {
    Path file = directory.resolve(DISABLED_FILE);
    if (!Files.isRegularFile(file)) {
      return Set.of();
    }
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      LOG.warn("{} cannot be read; no plugin is disabled: {}", file, Causes.of("reading", e));
      return Set.of();
    }
  }

  private static void logChanges(Snapshot before, Snapshot after) {
    for (Slot slot : after.byFile().values()) {
      if (before.byFile().get(slot.file()) == slot) {
        continue;
      }
      PluginStatus status = slot.status();
      if (status.state() == PluginState.FAILED) {
        LOG.warn("plugin {} ({}) FAILED: {}", status.id().orElse("?"), slot.file(), status.cause().orElseThrow());
      } else {
        LOG.info("plugin {} {} ({}) {}", status.id().orElseThrow(), status.version().orElseThrow(), slot.file(), status.state());
      }
    }
    before.byFile().keySet().stream().filter(file -> !after.byFile().containsKey(file))
        .forEach(file -> LOG.info("plugin jar {} removed", file));
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** The jars of one scan and the ids listed in {@code disabled.txt}; immutable. */
  private record Scan(List<Path> jars, Set<String> disabled) {}

  /** A jar whose start is in progress; immutable. */
  private record Staged(JarCopies.Copy copy, PluginAdmission admission, PluginManifest manifest,
      PluginStarter.Pending pending) {}

  /** What the host holds for one jar; immutable (the connector is shared, not owned). */
  private record Slot(String file, String sha256, PluginStatus status, LoadedConnector connector) {

    static Slot started(String file, PluginAdmission admission, PluginManifest manifest, LoadedConnector connector) {
      return new Slot(file, admission.sha256().orElse(""), new PluginStatus(file, manifest.id(), manifest.version(),
          PluginState.STARTED, Optional.empty(), Optional.of(connector.descriptor()), admission), connector);
    }

    static Slot stopped(String file, PluginAdmission admission, PluginManifest manifest) {
      return new Slot(file, admission.sha256().orElse(""), new PluginStatus(file, manifest.id(), manifest.version(),
          PluginState.STOPPED, Optional.empty(), Optional.empty(), admission), null);
    }

    static Slot failed(String file, PluginAdmission admission, Optional<String> id, Optional<String> version, String cause) {
      return new Slot(file, admission.sha256().orElse(""), new PluginStatus(file, id, version, PluginState.FAILED,
          Optional.of(cause), Optional.empty(), admission), null);
    }

    /** Whether a reload can keep this slot: same content, and its state still what disabled.txt asks. */
    boolean isCurrent(String currentSha256, Set<String> disabled) {
      if (!sha256.equals(currentSha256) || status.state() == PluginState.FAILED) {
        return false;
      }
      boolean shouldStop = disabled.contains(status.id().orElseThrow());
      return shouldStop == (status.state() == PluginState.STOPPED);
    }
  }

  /** Everything callers read, published at once; immutable. */
  private record Snapshot(Map<String, Slot> byFile, Map<String, LoadedConnector> started, List<PluginStatus> statuses) {

    static Snapshot of(Collection<Slot> slots) {
      Map<String, Slot> byFile = new TreeMap<>();
      Map<String, LoadedConnector> started = new HashMap<>();
      for (Slot slot : slots) {
        byFile.put(slot.file(), slot);
        if (slot.connector() != null) {
          started.put(slot.status().id().orElseThrow(), slot.connector());
        }
      }
      List<PluginStatus> statuses = byFile.values().stream().map(Slot::status)
          .sorted(Comparator.comparing((PluginStatus status) -> status.id().orElse("\uffff"))
              .thenComparing(PluginStatus::file))
          .toList();
      return new Snapshot(Map.copyOf(byFile), Map.copyOf(started), statuses);
    }
  }
}
