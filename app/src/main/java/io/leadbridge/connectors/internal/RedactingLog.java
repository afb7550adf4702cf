package io.leadbridge.connectors.internal;

import io.leadbridge.connector.api.ConnectorLog;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

/**
 * The {@link ConnectorLog} of one call: renders the plugin's message itself, redacts it
 * ({@link Redactor}), puts it on one line, cuts it, and logs it under
 * {@code io.leadbridge.connectors.plugin.<id>} with the connector, tenant and integration in the
 * MDC. A throwable is logged as its types and (redacted) messages, never as an object the log
 * layout would print unredacted. Thread-safe.
 */
final class RedactingLog implements ConnectorLog {

  static final String LOGGER_PREFIX = "io.leadbridge.connectors.plugin.";

  /** Longest message written, in characters. */
  static final int MAX_LENGTH = 2000;

  private static final int MAX_CAUSES = 4;

  private final Logger logger;
  private final String connectorId;
  private final String tenantId;
  private final String integrationId;
  private final Redactor redactor;

  RedactingLog(String connectorId, UUID tenantId, UUID integrationId, Redactor redactor) {
    this.logger = LoggerFactory.getLogger(LOGGER_PREFIX + connectorId);
    this.connectorId = connectorId;
    this.tenantId = tenantId.toString();
    this.integrationId = integrationId.toString();
    this.redactor = redactor;
  }

  @Override
  public void debug(String format, Object... args) {
    log(Level.DEBUG, format, args);
  }

  @Override
  public void info(String format, Object... args) {
    log(Level.INFO, format, args);
  }

  @Override
  public void warn(String format, Object... args) {
    log(Level.WARN, format, args);
  }

  @Override
  public void error(String format, Object... args) {
    log(Level.ERROR, format, args);
  }

  private void log(Level level, String format, Object[] args) {
    if (!logger.isEnabledForLevel(level)) {
      return;
    }
    String line = render(format, args);
    MDC.put("connector", connectorId);
    MDC.put("tenantId", tenantId);
    MDC.put("integrationId", integrationId);
    try {
      logger.atLevel(level).log("{}", line);
    } finally {
      MDC.remove("connector");
      MDC.remove("tenantId");
      MDC.remove("integrationId");
    }
  }

  /** The message as it would be logged: rendered, redacted, on one line, cut. */
  String render(String format, Object[] args) {
    Object[] values = args == null ? new Object[0] : args;
    StringBuilder text = new StringBuilder();
    String pattern = String.valueOf(format);
    int next = 0;
    int from = 0;
    for (int at = pattern.indexOf("{}"); at >= 0 && next < values.length; at = pattern.indexOf("{}", from)) {
      text.append(pattern, from, at).append(String.valueOf(values[next++]));
      from = at + 2;
    }
    text.append(pattern.substring(from));
    if (next < values.length && values[values.length - 1] instanceof Throwable cause) {
      text.append(" | ").append(describe(cause));
    }
    String redacted = redactor.redact(text.toString());
    StringBuilder line = new StringBuilder(Math.min(redacted.length(), MAX_LENGTH + 1));
    for (int i = 0; i < redacted.length() && line.length() < MAX_LENGTH; i++) {
      char c = redacted.charAt(i);
      line.append(Character.isISOControl(c) ? ' ' : c);
    }
    if (redacted.length() > MAX_LENGTH) {
      line.append('…');
    }
    return line.toString();
  }

  private static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder();
    Throwable current = failure;
    for (int depth = 0; current != null && depth < MAX_CAUSES; depth++) {
      if (depth > 0) {
        text.append(" <- ");
      }
      text.append(current.getClass().getName());
      if (current.getMessage() != null) {
        text.append(": ").append(current.getMessage());
      }
      current = current.getCause() == current ? null : current.getCause();
    }
    return text.toString();
  }
}
