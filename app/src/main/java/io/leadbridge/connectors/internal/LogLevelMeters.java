package io.leadbridge.connectors.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;

/**
 * Counts log events per level into the same meters as Dropwizard's {@code InstrumentedAppender},
 * which it replaces on the root logger: that appender keeps the whole metrics registry, and the
 * root logger is reachable from any code in the process through {@code LoggerFactory} — a plugin
 * included. This one keeps only its six meters. Thread-safe (meters are).
 */
final class LogLevelMeters extends UnsynchronizedAppenderBase<ILoggingEvent> {

  private final Meter all;
  private final Meter trace;
  private final Meter debug;
  private final Meter info;
  private final Meter warn;
  private final Meter error;

  /** @param name the replaced appender's name, which prefixes its meters */
  LogLevelMeters(String name, MetricRegistry registry) {
    setName(name);
    this.all = registry.meter(MetricRegistry.name(name, "all"));
    this.trace = registry.meter(MetricRegistry.name(name, "trace"));
    this.debug = registry.meter(MetricRegistry.name(name, "debug"));
    this.info = registry.meter(MetricRegistry.name(name, "info"));
    this.warn = registry.meter(MetricRegistry.name(name, "warn"));
    this.error = registry.meter(MetricRegistry.name(name, "error"));
  }

  @Override
  protected void append(ILoggingEvent event) {
    all.mark();
    switch (event.getLevel().toInt()) {
      case Level.TRACE_INT -> trace.mark();
      case Level.DEBUG_INT -> debug.mark();
      case Level.INFO_INT -> info.mark();
      case Level.WARN_INT -> warn.mark();
      case Level.ERROR_INT -> error.mark();
      default -> {
        // OFF and ALL are not event levels.
      }
    }
  }
}
