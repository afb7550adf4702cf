package io.leadbridge.connectors.internal;

import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.CrmConnector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and starts one plugin jar in its own {@link HostPluginManager}, on a thread of its own and
 * within a time limit, and says why when it cannot: the jar cannot be loaded, {@code Plugin.start()}
 * throws, the {@code CrmConnector} extension is missing, ambiguous or cannot be constructed (its
 * constructor or a static initializer throws, a class is missing), or its descriptor throws or
 * disagrees with the manifest. Whatever fails, nothing of the jar stays loaded. Thread-safe.
 */
final class PluginStarter {

  private static final Logger LOG = LoggerFactory.getLogger(PluginStarter.class);

  private final ExecutorService threads;
  private final String timeoutText;

  /** @param timeout the configured start timeout, for the cause of a plugin that overruns it */
  PluginStarter(ExecutorService threads, Duration timeout) {
    this.threads = threads;
    this.timeoutText = timeout.toMillis() + " ms";
  }

  /** A start that runs in the background; {@link Pending#await} collects it. */
  Pending begin(Path jar, PluginManifest manifest) {
    Handoff handoff = new Handoff();
    Future<?> task = threads.submit(() -> handoff.complete(startSafely(jar, manifest)));
    return new Pending(handoff, task, timeoutText);
  }

  /** A start in progress. Thread-safe. */
  static final class Pending {
    private final Handoff handoff;
    private final Future<?> task;
    private final String timeoutText;

    private Pending(Handoff handoff, Future<?> task, String timeoutText) {
      this.handoff = handoff;
      this.task = task;
      this.timeoutText = timeoutText;
    }

    /**
     * Waits for the start; after {@code timeout} it gives up, interrupts the plugin's thread and
     * has whatever the start still produces unloaded when it finishes.
     */
    StartResult await(Duration timeout) throws InterruptedException {
      StartResult result = handoff.await(timeout);
      if (result != null) {
        return result;
      }
      task.cancel(true);
      return new StartResult.Failed("the plugin did not load, start and describe itself within connectors.startTimeout ("
          + timeoutText + "): its constructor, a static initializer, start() or descriptor() hangs");
    }

    /** Gives up at once (the waiting thread was interrupted); a late result is unloaded. */
    StartResult abandon() {
      StartResult result = handoff.abandon();
      if (result != null) {
        return result;
      }
      task.cancel(true);
      return new StartResult.Failed("the hub was interrupted while the plugin started");
    }
  }

  /** Hands the result from the loading thread to the waiting one, or discards it when too late. */
  private static final class Handoff {
    private StartResult result;
    private boolean abandoned;

    synchronized void complete(StartResult outcome) {
      if (abandoned) {
        discard(outcome);
        return;
      }
      result = outcome;
      notifyAll();
    }

    synchronized StartResult await(Duration timeout) throws InterruptedException {
      long until = System.nanoTime() + timeout.toNanos();
      while (result == null) {
        long left = until - System.nanoTime();
        if (left <= 0) {
          return abandon();
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return result;
    }

    synchronized StartResult abandon() {
      if (result == null) {
        abandoned = true;
      }
      return result;
    }

    private static void discard(StartResult late) {
      if (late instanceof StartResult.Started started) {
        LOG.warn("{} started after its time was up; unloading it", started.connector());
        started.connector().unload();
      }
    }
  }

  /** Whatever a plugin throws ends as a cause: this runs on a thread nobody else watches. */
  private static StartResult startSafely(Path jar, PluginManifest manifest) {
    try {
      return startHere(jar, manifest);
    } catch (Throwable e) {
      return new StartResult.Failed(Causes.of("the plugin failed to start", e));
    }
  }

  private static StartResult startHere(Path jar, PluginManifest manifest) {
    HostPluginManager manager = new HostPluginManager(jar.getParent());
    String id = manifest.id().orElseThrow();
    try {
      manager.loadPlugin(jar);
    } catch (Throwable e) {
      unloadQuietly(manager, id);
      return new StartResult.Failed(Causes.of("PF4J cannot load the jar", e));
    }
    try {
      return new StartResult.Started(start(manager, id, jar, manifest));
    } catch (PluginLoadException e) {
      unloadQuietly(manager, id);
      return new StartResult.Failed(e.getMessage());
    } catch (Throwable e) {
      // Errors included (OutOfMemoryError from a plugin's allocation, AssertionError, its own):
      // whatever start(), a constructor or descriptor() throws leaves the plugin FAILED.
      unloadQuietly(manager, id);
      return new StartResult.Failed(Causes.of("the plugin failed to start", e));
    }
  }

  private static LoadedConnector start(HostPluginManager manager, String id, Path jar, PluginManifest manifest) {
    PluginWrapper wrapper = manager.getPlugin(id);
    ClassLoader loader = wrapper.getPluginClassLoader();
    PluginState state = ContextClassLoader.with(loader, () -> manager.startPlugin(id));
    if (state != PluginState.STARTED) {
      Throwable failure = wrapper.getFailedException();
      throw failure == null
          ? new PluginLoadException("PF4J left the plugin " + state + " instead of STARTED")
          : new PluginLoadException("the plugin's start() failed", failure);
    }
    Class<? extends CrmConnector> type = extensionClass(manager, id, loader);
    CrmConnector connector = ContextClassLoader.with(loader, () -> construct(manager, type));
    ConnectorDescriptor descriptor = ContextClassLoader.with(loader, () -> describe(connector));
    checkAgainstManifest(descriptor, manifest);
    return new LoadedConnector(manager, id, connector, descriptor, loader, jar);
  }

  private static Class<? extends CrmConnector> extensionClass(HostPluginManager manager, String id, ClassLoader loader) {
    Set<String> names = manager.getExtensionClassNames(id);
    if (names.isEmpty()) {
      throw new PluginLoadException("the jar declares no extension (META-INF/extensions.idx is missing or empty):"
          + " a connector plugin has one @Extension class that implements CrmConnector");
    }
    List<Class<? extends CrmConnector>> connectors = new ArrayList<>();
    for (String name : names) {
      Class<?> type;
      try {
        type = Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new PluginLoadException("the extension class " + name + " cannot be loaded", e);
      }
      if (CrmConnector.class.isAssignableFrom(type)) {
        connectors.add(type.asSubclass(CrmConnector.class));
      }
    }
    if (connectors.size() != 1) {
      throw new PluginLoadException(connectors.isEmpty()
          ? "no extension implements CrmConnector (the jar declares " + String.join(", ", names) + ")"
          : "more than one extension implements CrmConnector (" + connectors.stream().map(Class::getName).toList()
              + "): a connector plugin has exactly one");
    }
    return connectors.get(0);
  }

  private static CrmConnector construct(HostPluginManager manager, Class<? extends CrmConnector> type) {
    try {
      return manager.getExtensionFactory().create(type);
    } catch (PluginRuntimeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new PluginLoadException("the constructor of " + type.getName() + " threw", cause);
    } catch (LinkageError e) {
      throw new PluginLoadException("creating " + type.getName() + " failed", e);
    } catch (RuntimeException e) {
      // Class.newInstance rethrows whatever the constructor threw, unchecked or not.
      throw new PluginLoadException("the constructor of " + type.getName() + " threw", e);
    }
  }

  private static ConnectorDescriptor describe(CrmConnector connector) {
    ConnectorDescriptor descriptor;
    try {
      descriptor = connector.descriptor();
    } catch (Throwable e) {
      throw new PluginLoadException("descriptor() threw", e);
    }
    if (descriptor == null) {
      throw new PluginLoadException("descriptor() returned null");
    }
    DescriptorTexts.problem(descriptor).ifPresent(problem -> {
      throw new PluginLoadException(problem);
    });
    return descriptor;
  }

  private static void checkAgainstManifest(ConnectorDescriptor descriptor, PluginManifest manifest) {
    String id = manifest.id().orElseThrow();
    String version = manifest.version().orElseThrow();
    if (!descriptor.id().equals(id)) {
      throw new PluginLoadException("the descriptor's id '" + descriptor.id() + "' differs from the manifest's"
          + " Plugin-Id '" + id + "'");
    }
    if (!descriptor.pluginVersion().equals(version)) {
      throw new PluginLoadException("the descriptor's pluginVersion '" + descriptor.pluginVersion()
          + "' differs from the manifest's Plugin-Version '" + version + "'");
    }
  }

  private static void unloadQuietly(HostPluginManager manager, String id) {
    if (manager.getPlugin(id) == null) {
      return;
    }
    try {
      if (manager.getPlugin(id).getPluginState() == PluginState.STARTED) {
        manager.stopPlugin(id);
      }
      manager.unloadPlugin(id);
    } catch (Throwable e) {
      LOG.warn("plugin {} did not unload cleanly: {}", id, Causes.of("unload", e));
    }
  }
}
