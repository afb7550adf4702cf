package io.leadbridge.connectors.internal;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.leadbridge.connectors.CallBudget;
import io.leadbridge.connectors.ContainmentConfiguration;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Measures every plugin call's CPU time and allocated bytes on its thread, counts calls, errors,
 * CPU milliseconds and allocated MiB per connector, and ends a call that goes over its connector's
 * {@link CallBudget} like a timeout: a monitor thread interrupts it, and the lease turns it into an
 * {@link OverBudget} failure (retryable, counted towards quarantine). A plugin that ignores
 * interrupts runs on until its call returns, but its result is not used. Thread-safe.
 */
final class CallBudgets implements AutoCloseable {

  private static final long TICK_MILLIS = 50;
  private static final double MIB = 1024.0 * 1024.0;

  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final ContainmentConfiguration config;
  private final MetricRegistry registry;
  private final Set<Metered> running = ConcurrentHashMap.newKeySet();
  private final Map<String, Meters> meters = new ConcurrentHashMap<>();
  private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "plugin-budget-monitor");
    thread.setDaemon(true);
    return thread;
  });

  CallBudgets(ContainmentConfiguration config, MetricRegistry registry) {
    this.config = config;
    this.registry = registry;
    monitor.scheduleWithFixedDelay(() -> running.forEach(Metered::check), TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Starts measuring a call of {@code connectorId} on the current thread. */
  Metered start(String connectorId) {
    Metered call = new Metered(connectorId, config.budgetOf(connectorId), Thread.currentThread());
    running.add(call);
    return call;
  }

  @Override
  public void close() {
    monitor.shutdownNow();
  }

  private Meters meters(String connectorId) {
    return meters.computeIfAbsent(connectorId, id -> new Meters(registry, id));
  }

  /** One call being measured; its fields are read by the monitor thread, hence volatile. */
  final class Metered {
    private final String connectorId;
    private final Thread thread;
    private final long cpuLimitNanos;
    private final long allocatedLimit;
    private final long cpuAtStart;
    private final long allocatedAtStart;
    private volatile String breach;

    private Metered(String connectorId, CallBudget budget, Thread thread) {
      this.connectorId = connectorId;
      this.thread = thread;
      this.cpuLimitNanos = budget.getCpuTime().toNanoseconds();
      this.allocatedLimit = budget.getAllocated().toBytes();
      this.cpuAtStart = threads.getThreadCpuTime(thread.getId());
      this.allocatedAtStart = threads.getThreadAllocatedBytes(thread.getId());
    }

    /** On the monitor thread: interrupts the call once it is over its budget. */
    private void check() {
      if (breach != null) {
        return;
      }
      long cpu = threads.getThreadCpuTime(thread.getId()) - cpuAtStart;
      long allocated = threads.getThreadAllocatedBytes(thread.getId()) - allocatedAtStart;
      if (cpu > cpuLimitNanos) {
        breach = "used more than " + TimeUnit.NANOSECONDS.toMillis(cpuLimitNanos) + " ms of CPU time";
      } else if (allocated > allocatedLimit) {
        breach = "allocated more than " + Math.round(allocatedLimit / MIB) + " MiB";
      } else {
        return;
      }
      thread.interrupt();
    }

    /**
     * On the calling thread, when the call is over: counts it and says whether it broke its budget
     * (checked once more here, so a short call over budget is caught too).
     */
    Optional<String> stop(boolean failed) {
      running.remove(this);
      check();
      long cpu = threads.getThreadCpuTime(thread.getId()) - cpuAtStart;
      long allocated = threads.getThreadAllocatedBytes(thread.getId()) - allocatedAtStart;
      Meters of = meters(connectorId);
      of.calls.inc();
      if (failed || breach != null) {
        of.errors.inc();
      }
      of.cpuMillis.inc(TimeUnit.NANOSECONDS.toMillis(Math.max(0, cpu)));
      of.allocatedBytes.add(Math.max(0, allocated));
      return Optional.ofNullable(breach);
    }
  }

  /** A call ended by the host for going over its budget: counted like an Error the plugin threw. */
  static final class OverBudget extends Error {
    private static final long serialVersionUID = 1L;

    OverBudget(String breach) {
      super("the call " + breach + " (connectors.containment.budget)", null, false, false);
    }
  }

  /** One connector's call metrics; thread-safe. */
  private static final class Meters {
    final Counter calls;
    final Counter errors;
    final Counter cpuMillis;
    final LongAdder allocatedBytes = new LongAdder();

    Meters(MetricRegistry registry, String connectorId) {
      String tag = ";connector=" + connectorId;
      calls = registry.counter("connectors.calls" + tag);
      errors = registry.counter("connectors.errors" + tag);
      cpuMillis = registry.counter("connectors.cpu_ms" + tag);
      registry.gauge("connectors.allocated_mib" + tag, () -> (Gauge<Double>) () -> allocatedBytes.sum() / MIB);
    }
  }
}
