package io.leadbridge.connectors.internal;

import io.leadbridge.connector.api.ConnectorApiVersion;
import java.nio.file.Path;
import org.pf4j.ExtensionFactory;
import org.pf4j.JarPluginLoader;
import org.pf4j.JarPluginManager;
import org.pf4j.JarPluginRepository;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginFactory;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;
import org.pf4j.PluginStatusProvider;
import org.pf4j.RuntimeMode;
import org.pf4j.SingletonExtensionFactory;

/**
 * The PF4J manager of <em>one</em> plugin version: the host gives every loaded jar its own manager,
 * so that a new version of a plugin can start while the old one still finishes its calls (one PF4J
 * manager cannot hold two plugins with the same id). Not thread-safe, like every PF4J manager: the
 * host confines each to the thread that loads it and, after a hand-over, the one that unloads it.
 *
 * <p>What differs from a plain {@link JarPluginManager}: always deployment mode (a stray
 * {@code -Dpf4j.mode=development} must not switch the loader), class loaders that isolate the
 * plugin from the hub ({@link IsolatedPluginClassLoader}), one extension instance per start
 * ({@link SingletonExtensionFactory}), a plugin factory that reports why a plugin class failed,
 * no {@code enabled.txt}/{@code disabled.txt} of PF4J's own (the host reads {@code disabled.txt}
 * itself), and the connector API's version as the system version for {@code Plugin-Requires}.
 */
final class HostPluginManager extends JarPluginManager {

  /** @param root the directory that holds the jar; PF4J needs a root but the host never scans it */
  HostPluginManager(Path root) {
    super(root);
    setSystemVersion(ConnectorApiVersion.CURRENT);
  }

  @Override
  public RuntimeMode getRuntimeMode() {
    return RuntimeMode.DEPLOYMENT;
  }

  @Override
  protected PluginLoader createPluginLoader() {
    return new JarPluginLoader(this) {
      @Override
      protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
        return new IsolatedPluginClassLoader(pluginManager, descriptor);
      }
    };
  }

  @Override
  protected PluginRepository createPluginRepository() {
    return new JarPluginRepository(getPluginsRoots());
  }

  @Override
  protected ExtensionFactory createExtensionFactory() {
    return new SingletonExtensionFactory(this);
  }

  @Override
  protected PluginFactory createPluginFactory() {
    return new StrictPluginFactory();
  }

  @Override
  protected PluginStatusProvider createPluginStatusProvider() {
    return new PluginStatusProvider() {
      @Override
      public boolean isPluginDisabled(String pluginId) {
        return false;
      }

      @Override
      public void disablePlugin(String pluginId) {
        throw new UnsupportedOperationException("disable plugins in the plugins directory's disabled.txt");
      }

      @Override
      public void enablePlugin(String pluginId) {
        // Nothing is disabled through PF4J, so enabling is a no-op.
      }
    };
  }
}
