package io.leadbridge.testing;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.leadbridge.LeadbridgeConfiguration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the app-level test contracts: each contract runs once per database through a subclass
 * that declares the {@link DropwizardAppExtension} as a static field.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
public abstract class HubTest {

  private static final Map<DropwizardAppExtension<?>, Hub> HUBS = new ConcurrentHashMap<>();

  /** The app extension of the concrete (per-database) test class. */
  protected abstract DropwizardAppExtension<LeadbridgeConfiguration> app();

  protected Hub hub() {
    return HUBS.computeIfAbsent(app(), a -> new Hub(app()));
  }
}
