package io.leadbridge.connectors.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import org.pf4j.Plugin;
import org.pf4j.PluginFactory;
import org.pf4j.PluginWrapper;

/**
 * Creates a plugin's {@code Plugin-Class} like PF4J's default factory, but throws a
 * {@link PluginLoadException} that says what went wrong instead of logging and returning null
 * (which PF4J then reports as a NullPointerException). Stateless and thread-safe.
 */
final class StrictPluginFactory implements PluginFactory {

  @Override
  public Plugin create(PluginWrapper wrapper) {
    String name = wrapper.getDescriptor().getPluginClass();
    Class<?> type;
    try {
      type = Class.forName(name, false, wrapper.getPluginClassLoader());
    } catch (ClassNotFoundException e) {
      throw new PluginLoadException("the Plugin-Class " + name + " is not in the jar");
    }
    if (!Plugin.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers())) {
      throw new PluginLoadException("the Plugin-Class " + name + " is not a concrete subclass of org.pf4j.Plugin");
    }
    try {
      Constructor<?> withWrapper = constructor(type, PluginWrapper.class);
      if (withWrapper != null) {
        return (Plugin) withWrapper.newInstance(wrapper);
      }
      Constructor<?> plain = constructor(type);
      if (plain == null) {
        throw new PluginLoadException("the Plugin-Class " + name + " has no public no-argument constructor");
      }
      return (Plugin) plain.newInstance();
    } catch (InvocationTargetException e) {
      throw new PluginLoadException("the constructor of the Plugin-Class " + name + " threw", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new PluginLoadException("the Plugin-Class " + name + " cannot be created", e);
    }
  }

  /** PF4J's older plugins take their wrapper; newer ones take nothing. */
  private static Constructor<?> constructor(Class<?> type, Class<?>... parameters) {
    try {
      return type.getConstructor(parameters);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}
