package io.leadbridge.flags;

import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link LocalUnleashServer} for a test class ({@code @RegisterExtension static final}): started
 * before the class's {@code @BeforeAll}, stopped after its {@code @AfterAll} (what the class
 * registered with {@link #closeBeforeStopping} is closed first). {@code -Dleadbridge.unleash.skip=true}
 * skips every test on purpose; a missing tool fails them. Not thread-safe (one class, one thread).
 */
public final class LocalUnleashServerExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

  private static final boolean SKIP = Boolean.getBoolean("leadbridge.unleash.skip");

  private final Deque<AutoCloseable> closeFirst = new ArrayDeque<>();
  private LocalUnleashServer server;

  /** Whether the tests were asked to skip; a class's own {@code @BeforeAll} then has nothing to set up. */
  public boolean skipped() {
    return SKIP;
  }

  /** The running server; only after this extension's start, so from a {@code @BeforeAll} on. */
  public LocalUnleashServer server() {
    if (server == null) {
      throw new IllegalStateException("the Unleash server is not running" + (SKIP ? " (skipped on purpose)" : ""));
    }
    return server;
  }

  /** Closes {@code resource} (e.g. a hub reading this server) before the server stops; last registered, first closed. */
  public <T extends AutoCloseable> T closeBeforeStopping(T resource) {
    closeFirst.push(resource);
    return resource;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (!SKIP) {
      server = LocalUnleashServer.startForTests();
    }
  }

  /** Per test, not per class: surefire counts each skipped test, so the skip shows in the summary. */
  @Override
  public void beforeEach(ExtensionContext context) {
    Assumptions.assumeFalse(SKIP, "skipped on purpose: -Dleadbridge.unleash.skip=true");
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      while (!closeFirst.isEmpty()) {
        closeFirst.pop().close();
      }
    } finally {
      if (server != null) {
        server.stop();
        server = null;
      }
    }
  }
}
