package io.leadbridge.connectors.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.Function;

/**
 * A host function that the objects a plugin is handed may call but not look into. It exists so
 * that nothing a plugin reaches by reflection leads to the vault, the rate limiter or the metrics
 * registry behind its context: the function is held only by a method handle bound to it, and the
 * JDK's strong encapsulation of {@code java.lang.invoke} refuses {@code setAccessible} on the
 * handle's bound value, so a reflective walk ends here. (Code that uses {@code sun.misc.Unsafe}
 * can still read through it: that is in-process code's power, which admission answers — see
 * {@code plugins/README.md}.) Each sealed function must itself be narrow: bound to one call's
 * integration, checking what it is given. Immutable and thread-safe.
 *
 * @param <T> what the function takes
 * @param <R> what it returns
 */
final class Sealed<T, R> {

  private static final MethodHandle APPLY;

  static {
    try {
      APPLY = MethodHandles.publicLookup().findVirtual(Function.class, "apply",
          MethodType.methodType(Object.class, Object.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final MethodHandle function;

  private Sealed(MethodHandle function) {
    this.function = function;
  }

  /** Seals {@code function}; keep no other reference to it in anything a plugin can reach. */
  static <T, R> Sealed<T, R> of(Function<T, R> function) {
    return new Sealed<>(APPLY.bindTo(function));
  }

  /** Calls the function; what it throws comes through unchanged. */
  @SuppressWarnings("unchecked")
  R apply(T argument) {
    try {
      return (R) function.invoke(argument);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable impossible) {
      // Function.apply declares no checked exception.
      throw new IllegalStateException(impossible);
    }
  }

  @Override
  public String toString() {
    return "Sealed";
  }
}
