package io.leadbridge.testing;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import java.util.Objects;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.Parameter;

/**
 * Base of the app-level tests, so that one class runs its tests against a real hub on every
 * database it names: a subclass is a {@code @ParameterizedClass} with {@code @EnumSource(Db.class)}
 * (or the one database it is about), says in {@link #newApp(Db)} which app it needs, and this base
 * starts that app once per database and stops it after that database's last test. Not
 * thread-safe: JUnit runs one class's tests one after another.
 */
@ExtendWith(HubTest.AppPerDatabase.class)
public abstract class HubTest {

  /** The database of the class's current invocation. */
  @Parameter
  protected Db db;

  private StartedApp started;

  /**
   * The app this test runs against on {@code db}, not yet started: called once per database, by
   * the first test on it.
   */
  protected abstract DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db);

  /** The running app on this invocation's database. */
  protected final DropwizardAppExtension<LeadbridgeConfiguration> app() {
    return started.app();
  }

  /** The running hub on this invocation's database. */
  protected final Hub hub() {
    return started.hub();
  }

  /**
   * A started app and its {@link Hub}: what one database's tests share. JUnit closes it, which
   * stops the app, when that database's invocation of the class ends. Immutable.
   */
  private record StartedApp(DropwizardAppExtension<LeadbridgeConfiguration> app, Hub hub) implements AutoCloseable {

    static StartedApp start(DropwizardAppExtension<LeadbridgeConfiguration> app) {
      try {
        app.before();
      } catch (Exception e) {
        throw new IllegalStateException("the hub did not start", e);
      }
      return new StartedApp(app, new Hub(app));
    }

    @Override
    public void close() {
      app.after();
    }
  }

  /**
   * Hands each test the app of its database, starting it for the first test of each invocation of
   * the class: which app to start is the subclass's to say, in an instance method, so it cannot
   * start before there is a test instance. Stateless, so thread-safe: the apps live in the
   * invocations' stores.
   */
  static final class AppPerDatabase implements BeforeEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AppPerDatabase.class);

    @Override
    public void beforeEach(ExtensionContext context) {
      HubTest test = (HubTest) context.getRequiredTestInstance();
      Objects.requireNonNull(test.db, () -> test.getClass().getName() + " is not a @ParameterizedClass over Db");
      test.started = invocationOf(context).getStore(NAMESPACE)
          .getOrComputeIfAbsent(StartedApp.class, k -> StartedApp.start(test.newApp(test.db)), StartedApp.class);
    }

    /**
     * The context of the class's invocation on one database: the nearest one above the test
     * methods (a parameterized test method has two levels of its own), whose store is closed
     * after that database's last test.
     */
    private static ExtensionContext invocationOf(ExtensionContext context) {
      ExtensionContext invocation = context;
      while (invocation.getTestMethod().isPresent()) {
        invocation = invocation.getParent().orElseThrow();
      }
      return invocation;
    }
  }
}
