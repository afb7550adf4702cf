package io.leadbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Wire loggers stay silent below INFO even when a child logger is explicitly set to DEBUG. */
class LogHygieneTest {

  @Test
  void debugFromAWireLoggerIsDroppedWhileOurOwnDebugPasses() {
    LogHygiene.install();
    LogHygiene.install();
    Logger jetty = (Logger) LoggerFactory.getLogger("org.eclipse.jetty.server.HttpChannel");
    Logger ours = (Logger) LoggerFactory.getLogger("io.leadbridge.test.Ours");
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    for (Logger logger : new Logger[] {jetty, ours}) {
      logger.setLevel(Level.DEBUG);
      logger.addAppender(captured);
    }
    try {
      jetty.debug("request body {}", "secret-body");
      jetty.info("started");
      ours.debug("our own detail");

      assertThat(captured.list).extracting(ILoggingEvent::getFormattedMessage)
          .containsExactly("started", "our own detail");
    } finally {
      jetty.detachAppender(captured);
      ours.detachAppender(captured);
      jetty.setLevel(null);
      ours.setLevel(null);
    }
  }
}
