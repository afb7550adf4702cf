package io.leadbridge.web.internal;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Puts {@link ProblemErrorHandler} on the Jetty server as it starts: a request Jetty refuses while
 * parsing it (request line, headers, URI) never reaches a context, so only the server's handler
 * answers it, and Dropwizard builds the server after the application has run; thread-safe
 * (stateless).
 */
public final class ServerErrorHandlerInstaller implements LifeCycle.Listener {

  @Override
  public void lifeCycleStarting(LifeCycle event) {
    if (event instanceof Server server) {
      server.setErrorHandler(new ProblemErrorHandler());
    }
  }
}
