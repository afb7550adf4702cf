package io.leadbridge.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Keeps the libraries that log raw wire data quiet below INFO, whatever the configuration or the
 * admin log-level task asks for: at DEBUG, Jetty dumps request buffers (bodies with credentials in
 * them), Apache HttpClient and the AWS SDK log KMS exchanges (data keys), and JDBC drivers and Jdbi
 * log bound values. A turbo filter, so that a child logger set to DEBUG is caught too. The canary
 * suite found the Jetty case. Thread-safe.
 */
public final class LogHygiene extends TurboFilter {

  /** Logger name prefixes whose events below INFO may carry bodies or bound SQL values. */
  public static final List<String> WIRE_LOGGERS = List.of(
      "org.eclipse.jetty",
      "org.apache.hc",
      "org.apache.http",
      "software.amazon.awssdk",
      "org.glassfish.jersey",
      "org.jdbi",
      "org.postgresql",
      "org.h2",
      "org.apache.tomcat.jdbc");

  private LogHygiene() {}

  /**
   * Installs the filter on the logging context; call after the logging configuration is applied
   * (which resets the context), in the server and in every command.
   */
  public static void install() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    if (context.getTurboFilterList().stream().noneMatch(LogHygiene.class::isInstance)) {
      LogHygiene filter = new LogHygiene();
      filter.setName("wire-log-hygiene");
      filter.start();
      context.addTurboFilter(filter);
    }
  }

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level == null || level.isGreaterOrEqual(Level.INFO) || logger == null) {
      return FilterReply.NEUTRAL;
    }
    String name = logger.getName();
    for (String prefix : WIRE_LOGGERS) {
      if (name.startsWith(prefix)) {
        return FilterReply.DENY;
      }
    }
    return FilterReply.NEUTRAL;
  }
}
