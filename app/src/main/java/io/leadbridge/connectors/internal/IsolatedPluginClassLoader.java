package io.leadbridge.connectors.internal;

import org.pf4j.ClassLoadingStrategy;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin's class loader: the plugin's own classes first (so that a bundled library wins over
 * anything else), then the JDK and the host API through {@link HostApiClassLoader}. The host API
 * always comes from the host, even if a jar bundles a copy, so that the extension point is one
 * class. Thread-safe as {@link PluginClassLoader} is (it locks per class name).
 */
final class IsolatedPluginClassLoader extends PluginClassLoader {

  IsolatedPluginClassLoader(PluginManager manager, PluginDescriptor descriptor) {
    super(manager, descriptor, HostApiClassLoader.INSTANCE, ClassLoadingStrategy.PDA);
  }

  @Override
  protected boolean shouldDelegateToParent(String className) {
    return HostApiClassLoader.isShared(className);
  }
}
