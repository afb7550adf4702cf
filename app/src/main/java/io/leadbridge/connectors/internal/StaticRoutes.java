package io.leadbridge.connectors.internal;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import com.codahale.metrics.SharedMetricRegistries;
import com.codahale.metrics.logback.InstrumentedAppender;
import io.dropwizard.core.setup.Environment;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Closes the routes by which code in the process — a plugin — could reach the running hub from a
 * library's static field: Dropwizard publishes the metrics registry (whose gauges read the
 * database) as {@code SharedMetricRegistries}' default and in the log-level appender on the root
 * logger, and Jetty keeps the server in its static shutdown list. The hub uses none of them: it
 * hands its registry to whoever needs it, counts log levels without keeping the registry
 * ({@link LogLevelMeters}) and stops the server from a JDK shutdown hook. It also installs the
 * process's handler of uncaught throwables ({@link UncaughtFailures}), so a plugin's own thread
 * cannot print an unredacted message to standard error. Stateless.
 */
public final class StaticRoutes {

  private StaticRoutes() {}

  public static void close(Environment environment) {
    SharedMetricRegistries.remove("default");
    replaceInstrumentedAppenders(environment);
    UncaughtFailures.install();
    environment.lifecycle().addServerLifecycleListener(new StopOnJvmShutdown());
  }

  private static void replaceInstrumentedAppenders(Environment environment) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    List<Appender<ILoggingEvent>> instrumented = new ArrayList<>();
    for (Iterator<Appender<ILoggingEvent>> appenders = root.iteratorForAppenders(); appenders.hasNext(); ) {
      Appender<ILoggingEvent> appender = appenders.next();
      if (appender instanceof InstrumentedAppender) {
        instrumented.add(appender);
      }
    }
    for (Appender<ILoggingEvent> appender : instrumented) {
      LogLevelMeters meters = new LogLevelMeters(appender.getName(), environment.metrics());
      meters.setContext(context);
      meters.start();
      root.addAppender(meters);
      root.detachAppender(appender);
      appender.stop();
    }
  }
}
