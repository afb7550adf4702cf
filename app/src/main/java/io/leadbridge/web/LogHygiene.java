package io.leadbridge.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Keeps the libraries that log raw wire data quiet, whatever level the configuration asks for:
 * at DEBUG, Jetty dumps request buffers (bodies with credentials in them), Apache HttpClient and
 * the AWS SDK log KMS exchanges (data keys), and JDBC drivers and Jdbi log bound values. The
 * canary suite found the Jetty case. Stateless.
 */
public final class LogHygiene {

  /** Loggers that may print request or response bodies, or bound SQL values, below INFO. */
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

  /** Raises every wire logger to at least INFO; call after the logging configuration is applied. */
  public static void install() {
    for (String name : WIRE_LOGGERS) {
      Logger logger = (Logger) LoggerFactory.getLogger(name);
      if (!logger.getEffectiveLevel().isGreaterOrEqual(Level.INFO)) {
        logger.setLevel(Level.INFO);
      }
    }
  }
}
