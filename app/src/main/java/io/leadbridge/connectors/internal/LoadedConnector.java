package io.leadbridge.connectors.internal;

import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.CrmConnector;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One STARTED version of a plugin: its PF4J manager, its single extension instance and descriptor,
 * and the count of calls in flight on it. Thread-safe: leases are taken and given back under this
 * object's monitor, and the manager is touched only by {@link #unload}, once, after
 * {@link #retire} and the wait for the calls in flight.
 *
 * <p>Retiring is one-way: once retired no new lease is granted, so a caller that loses the race
 * against a reload looks the connector up again and gets the new version.
 */
final class LoadedConnector {

  private static final Logger LOG = LoggerFactory.getLogger(LoadedConnector.class);

  private final HostPluginManager manager;
  private final String pluginId;
  private final CrmConnector connector;
  private final ConnectorDescriptor descriptor;
  private final ClassLoader classLoader;
  private final Path jarCopy;
  private final AtomicBoolean unloaded = new AtomicBoolean();
  private final AtomicInteger errorStreak = new AtomicInteger();

  private int inFlight;
  private boolean retired;
  private Instant latestDeadline = Instant.MIN;

  LoadedConnector(HostPluginManager manager, String pluginId, CrmConnector connector, ConnectorDescriptor descriptor,
      ClassLoader classLoader, Path jarCopy) {
    this.manager = manager;
    this.pluginId = pluginId;
    this.connector = connector;
    this.descriptor = descriptor;
    this.classLoader = classLoader;
    this.jarCopy = jarCopy;
  }

  ConnectorDescriptor descriptor() {
    return descriptor;
  }

  CrmConnector connector() {
    return connector;
  }

  /** The host's private copy of the jar this version was loaded from. */
  Path jarCopy() {
    return jarCopy;
  }

  /** Calls in a row that ended in an {@code Error}, for {@link Quarantine}. */
  int errorStreak() {
    return errorStreak.get();
  }

  int extendErrorStreak() {
    return errorStreak.incrementAndGet();
  }

  void resetErrorStreak() {
    errorStreak.set(0);
  }

  /** Whether the plugin's class loader has been closed: calls can no longer run. */
  boolean isUnloaded() {
    return unloaded.get();
  }

  /** Counts a lease in, unless this version is retired. */
  synchronized boolean tryAcquire(Instant deadline) {
    if (retired) {
      return false;
    }
    inFlight++;
    if (deadline.isAfter(latestDeadline)) {
      latestDeadline = deadline;
    }
    return true;
  }

  /** Counts a lease out. */
  synchronized void release() {
    inFlight--;
    if (inFlight == 0) {
      notifyAll();
    }
  }

  synchronized int inFlight() {
    return inFlight;
  }

  /** Grants no more leases. */
  synchronized void retire() {
    retired = true;
  }

  /**
   * Waits until no lease is open, or until the latest deadline of a lease plus {@code grace}, or
   * until {@code hardStop}, whichever comes first.
   *
   * @return whether every lease was given back
   */
  synchronized boolean awaitIdle(Clock clock, Duration grace, Instant hardStop) throws InterruptedException {
    while (inFlight > 0) {
      Instant giveUp = latestDeadline.plus(grace);
      if (hardStop.isBefore(giveUp)) {
        giveUp = hardStop;
      }
      long waitMillis = Duration.between(clock.instant(), giveUp).toMillis();
      if (waitMillis <= 0) {
        return false;
      }
      wait(waitMillis);
    }
    return true;
  }

  /** Runs plugin code with the plugin's class loader as the thread's context class loader. */
  <T> T withPluginContext(Supplier<T> code) {
    return ContextClassLoader.with(classLoader, code);
  }

  /** Stops the plugin and closes its class loader; only the first call does anything. */
  void unload() {
    if (!unloaded.compareAndSet(false, true)) {
      return;
    }
    try {
      // One plugin per manager: stopPlugin, never stopPlugins (PF4J 3.15.0 throws
      // ConcurrentModificationException from stopPlugins once a plugin has started).
      ContextClassLoader.with(classLoader, () -> manager.stopPlugin(pluginId));
      manager.unloadPlugin(pluginId);
    } catch (Throwable e) {
      // Whatever stop() throws, Errors included, the version is gone and the host runs on.
      LOG.warn("plugin {} {} did not stop cleanly: {}", pluginId, descriptor.pluginVersion(), Causes.of("stop", e));
    }
  }

  @Override
  public String toString() {
    return "LoadedConnector[" + pluginId + " " + descriptor.pluginVersion() + "]";
  }
}
