package io.leadbridge.connectors.internal;

import io.leadbridge.connector.api.CrmConnector;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of every plugin class loader: the JDK, plus exactly what the host grants plugins
 * from its own class path (the connector API, PF4J, and the SLF4J API that PF4J's {@code Plugin}
 * exposes). Nothing else of the hub is visible to a plugin: not its modules, not its libraries,
 * not its {@code META-INF/services}. A plugin that needs a library bundles it, and gets its own
 * copy even when the hub has another. Thread-safe (parallel capable; no state of its own).
 */
final class HostApiClassLoader extends ClassLoader {

  static final HostApiClassLoader INSTANCE = new HostApiClassLoader();

  /** Class-name prefixes the host shares with plugins. */
  static final List<String> SHARED_PACKAGES = List.of("io.leadbridge.connector.api.", "org.pf4j.", "org.slf4j.");

  private static final List<String> SHARED_RESOURCES = SHARED_PACKAGES.stream().map(p -> p.replace('.', '/')).toList();

  static {
    registerAsParallelCapable();
  }

  private final ClassLoader host = CrmConnector.class.getClassLoader();

  private HostApiClassLoader() {
    super("leadbridge-connector-api", ClassLoader.getPlatformClassLoader());
  }

  /** Whether a class of this name comes from the host rather than the plugin. */
  static boolean isShared(String className) {
    return SHARED_PACKAGES.stream().anyMatch(className::startsWith);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    if (isShared(name)) {
      return host.loadClass(name);
    }
    throw new ClassNotFoundException(name);
  }

  @Override
  protected URL findResource(String name) {
    return isSharedResource(name) ? host.getResource(name) : null;
  }

  @Override
  protected Enumeration<URL> findResources(String name) throws IOException {
    return isSharedResource(name) ? host.getResources(name) : Collections.emptyEnumeration();
  }

  private static boolean isSharedResource(String name) {
    return SHARED_RESOURCES.stream().anyMatch(name::startsWith);
  }
}
