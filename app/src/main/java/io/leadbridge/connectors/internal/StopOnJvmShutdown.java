package io.leadbridge.connectors.internal;

import io.dropwizard.lifecycle.ServerLifecycleListener;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the HTTP server on JVM shutdown through a JDK shutdown hook instead of Jetty's
 * {@code ShutdownThread}: that class keeps every server in a static list, from which any code in
 * the process — a plugin included — could walk by reflection to everything the hub holds. The JDK
 * keeps its hooks where reflection cannot reach. Stateless and thread-safe.
 */
final class StopOnJvmShutdown implements ServerLifecycleListener {

  private static final Logger LOG = LoggerFactory.getLogger(StopOnJvmShutdown.class);

  @Override
  public void serverStarted(Server server) {
    Thread hook = new Thread(() -> stop(server), "leadbridge-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    // Takes the server out of Jetty's static ShutdownThread list again.
    server.setStopAtShutdown(false);
    server.addEventListener(new LifeCycle.Listener() {
      @Override
      public void lifeCycleStopped(LifeCycle event) {
        removeHook(hook);
      }
    });
  }

  private static void stop(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warn("the HTTP server did not stop cleanly on shutdown: {}", e.getClass().getSimpleName());
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already running its hooks, this one included.
    }
  }
}
