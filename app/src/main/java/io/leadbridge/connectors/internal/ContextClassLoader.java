package io.leadbridge.connectors.internal;

import java.util.function.Supplier;

/**
 * Runs code with another thread context class loader and restores the previous one: libraries a
 * plugin bundles (JSON mappers, service loaders) look for their resources through it. Stateless and
 * thread-safe.
 */
final class ContextClassLoader {

  private ContextClassLoader() {}

  static <T> T with(ClassLoader loader, Supplier<T> code) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return code.get();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
