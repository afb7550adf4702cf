package com.example.hostile;

import io.leadbridge.connector.api.Capability;
import io.leadbridge.connector.api.CheckResult;
import io.leadbridge.connector.api.ConnectorContext;
import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.CrmConnector;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.FieldSpec;
import io.leadbridge.connector.api.RateLimitProfile;
import io.leadbridge.connector.api.lead.LeadRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Reference;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A connector written as an attacker would: every call walks, by reflection, everything it can
 * reach — the context it is handed, the static fields of every hub class (loaded through the
 * system class loader), every live thread, the logging and metrics singletons — and writes what it
 * found to the report file named by the system property {@code leadbridge.hostile.report}. The
 * needles (secret values to look for) come from the file beside it, named {@code <report>.needles}.
 */
@org.pf4j.Extension
public class HostileConnector implements CrmConnector {

  @Override
  public ConnectorDescriptor descriptor() {
    return ConnectorDescriptor.builder().id("example").displayName("Hostile").vendor("Attacker Inc.").pluginVersion("1.0.0")
        .capabilities(Capability.UPSERT)
        .credentialField(FieldSpec.builder("apiKey", "API key").secret().required().build())
        .defaultBaseUrl("https://api.example.com")
        .defaultRateLimit(RateLimitProfile.of(10, Duration.ofSeconds(1)))
        .maxBatchSize(10)
        .build();
  }

  @Override
  public CheckResult check(ConnectorContext context) {
    Walker.report("check", new Walker().walk(context));
    String inside = context.credentials().withSecret("apiKey", secret -> new Walker().walk(context, secret));
    Walker.report("check-callback", inside);
    Walker.report("check-after", new Walker().walk(context));
    return CheckResult.success("walked");
  }

  @Override
  public List<DeliveryOutcome> deliver(List<LeadRecord> batch, ConnectorContext context) {
    Walker.report("deliver", new Walker().walk(context, batch));
    List<DeliveryOutcome> outcomes = new ArrayList<>();
    for (LeadRecord lead : batch) {
      outcomes.add(DeliveryOutcome.created("walked-" + lead.leadId()));
    }
    return outcomes;
  }

  /** One breadth-first walk; not thread-safe. */
  static final class Walker {

    static final int MAX_DEPTH = 400;
    static final int MAX_OBJECTS = 4_000_000;

    /** Classes (or supertypes) whose instances must never be reachable. */
    static final List<String> FORBIDDEN_TYPES = List.of(
        "org.jdbi.v3.core.Jdbi", "org.jdbi.v3.core.Handle", "javax.sql.DataSource", "java.sql.Connection",
        "io.leadbridge.connectors.CredentialSource", "io.leadbridge.connectors.ConnectorRegistry",
        "io.leadbridge.connectors.IntegrationRateLimits", "io.leadbridge.LeadbridgeConfiguration",
        "io.leadbridge.integrations.DeliveryRoutes", "com.codahale.metrics.MetricRegistry",
        "io.leadbridge.credentials.CredentialVault", "io.leadbridge.credentials.CredentialsModule",
        "io.leadbridge.credentials.KeyRotation", "io.leadbridge.credentials.KeysConfiguration",
        "io.leadbridge.credentials.AwsKmsConfiguration", "io.leadbridge.credentials.internal.TenantKeys",
        "io.leadbridge.credentials.internal.DataKeyCache", "io.leadbridge.credentials.internal.KeyProvider",
        "io.leadbridge.credentials.internal.VaultDao", "io.leadbridge.credentials.OpenedCredential",
        "io.leadbridge.credentials.SecretValue");

    /**
     * The test harness around the hub (JUnit, Surefire, the test classes and simulators), which no
     * deployed hub has; what is reachable only through it is not a route.
     */
    static final List<String> HARNESS = List.of("org.junit.", "org.apache.maven.surefire.", "org.opentest4j.",
        "org.assertj.", "io.leadbridge.testing.", "io.leadbridge.simulators.");

    /** Library classes with singletons in static fields, as an attacker would try them. */
    static final List<String> LIBRARY_STATICS = List.of(
        "com.codahale.metrics.SharedMetricRegistries", "org.eclipse.jetty.util.thread.ShutdownThread",
        "org.glassfish.hk2.api.ServiceLocatorFactory", "org.glassfish.hk2.internal.ServiceLocatorFactoryImpl",
        "org.glassfish.jersey.server.ApplicationHandler", "ch.qos.logback.classic.util.ContextSelectorStaticBinder",
        "io.dropwizard.logging.common.BootstrapLogging", "org.h2.engine.Engine", "org.postgresql.Driver",
        "java.sql.DriverManager");

    private final IdentityHashMap<Object, Object> parent = new IdentityHashMap<>();
    private final IdentityHashMap<Object, String> via = new IdentityHashMap<>();
    private final IdentityHashMap<Object, Integer> depth = new IdentityHashMap<>();
    private final Deque<Object> queue = new ArrayDeque<>();
    private final Set<String> findings = new LinkedHashSet<>();
    private final List<String> needles;
    private int harness;
    private final Set<Class<?>> staticsWalked = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private int maxDepthSeen;
    private int inaccessible;
    private boolean truncated;

    Walker() {
      // From a file, not a system property: the needles must not be in the heap the walk searches.
      String report = System.getProperty("leadbridge.hostile.report");
      try {
        this.needles = report == null ? List.of() : Files.readAllLines(Path.of(report + ".needles"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String walk(Object... roots) {
      for (Object root : roots) {
        offer(root, null, "root:" + (root == null ? "null" : root.getClass().getName()));
      }
      offer(Thread.currentThread().getContextClassLoader(), null, "root:contextClassLoader");
      offer(Walker.class.getClassLoader(), null, "root:ownClassLoader");
      ClassLoader system = ClassLoader.getSystemClassLoader();
      offer(system, null, "root:systemClassLoader");
      for (Thread thread : Thread.getAllStackTraces().keySet()) {
        String name = "root:thread[" + thread.getName() + "]";
        offer(thread, null, name);
        offer(thread.getContextClassLoader(), null, name + ".contextClassLoader");
        offer(thread.getUncaughtExceptionHandler(), null, name + ".uncaughtExceptionHandler");
        offer(thread.getThreadGroup(), null, name + ".threadGroup");
      }
      try {
        offer(Class.forName("org.slf4j.LoggerFactory", true, Walker.class.getClassLoader()).getMethod("getILoggerFactory")
            .invoke(null), null, "root:LoggerFactory.getILoggerFactory()");
      } catch (ReflectiveOperationException | LinkageError absent) {
        findings.add("NOTE no SLF4J: " + absent);
      }
      for (String name : LIBRARY_STATICS) {
        try {
          walkStatics(Class.forName(name, true, system), null);
        } catch (Throwable absent) {
          // Not on this hub's class path.
        }
      }
      int hubClasses = 0;
      for (String name : hubClassNames(system)) {
        try {
          walkStatics(Class.forName(name, false, system), null);
          hubClasses++;
        } catch (Throwable unloadable) {
          // A class that does not link here is not a route.
        }
      }
      drain();
      StringBuilder out = new StringBuilder();
      out.append("objects=").append(depth.size()).append(" maxDepth=").append(maxDepthSeen)
          .append(" hubClasses=").append(hubClasses).append(" inaccessibleFields=").append(inaccessible)
          .append(" truncated=").append(truncated).append(" harnessSkipped=").append(harness).append('\n');
      findings.forEach(f -> out.append(f).append('\n'));
      return out.toString();
    }

    private void drain() {
      while (!queue.isEmpty()) {
        Object next = queue.poll();
        try {
          expand(next);
        } catch (Throwable ignored) {
          // Whatever one object does when touched, the walk goes on.
        }
      }
    }

    private void offer(Object value, Object from, String how) {
      if (value == null || depth.containsKey(value)) {
        return;
      }
      if (isHarness(value instanceof Class<?> c ? c : value.getClass())) {
        harness++;
        return;
      }
      int d = from == null ? 0 : depth.get(from) + 1;
      if (d > MAX_DEPTH) {
        truncated = true;
        return;
      }
      if (depth.size() >= MAX_OBJECTS) {
        truncated = true;
        return;
      }
      depth.put(value, d);
      parent.put(value, from);
      via.put(value, how);
      maxDepthSeen = Math.max(maxDepthSeen, d);
      inspect(value);
      queue.add(value);
    }

    private void inspect(Object value) {
      Class<?> type = value.getClass();
      for (String forbidden : FORBIDDEN_TYPES) {
        if (isA(type, forbidden)) {
          findings.add("FORBIDDEN " + forbidden + " (" + type.getName() + ") at " + path(value));
        }
      }
      String text = null;
      if (value instanceof String s) {
        text = s;
      } else if (value instanceof char[] chars) {
        text = new String(chars);
      } else if (value instanceof byte[] bytes) {
        text = new String(bytes, StandardCharsets.ISO_8859_1);
      } else if (value instanceof StringBuilder || value instanceof StringBuffer) {
        text = value.toString();
      }
      if (text != null) {
        for (String needle : needles) {
          if (text.contains(needle)) {
            findings.add("NEEDLE " + needle + " in " + type.getSimpleName() + " at " + path(value));
          }
        }
      }
    }

    private void expand(Object value) {
      if (value instanceof Class<?> type) {
        walkStatics(type, value);
        return;
      }
      Class<?> type = value.getClass();
      if (type.isArray()) {
        if (!type.getComponentType().isPrimitive()) {
          int length = Array.getLength(value);
          for (int i = 0; i < length; i++) {
            offer(Array.get(value, i), value, "[" + i + "]");
          }
        }
        return;
      }
      if (value instanceof Collection<?> collection) {
        Object[] items = collection.toArray();
        for (int i = 0; i < items.length; i++) {
          offer(items[i], value, "<item " + i + ">");
        }
      }
      if (value instanceof Map<?, ?> map) {
        int i = 0;
        for (Object entry : map.entrySet().toArray()) {
          Map.Entry<?, ?> e = (Map.Entry<?, ?>) entry;
          offer(e.getKey(), value, "<key " + i + ">");
          offer(e.getValue(), value, "<value " + i + ">");
          i++;
        }
      }
      if (value instanceof Reference<?> reference) {
        offer(reference.get(), value, ".get()");
      }
      if (value instanceof Optional<?> optional) {
        offer(optional.orElse(null), value, ".get()");
      }
      if (value instanceof AtomicReference<?> atomic) {
        offer(atomic.get(), value, ".get()");
      }
      if (value instanceof ThreadLocal<?> local) {
        offer(local.get(), value, ".get() on the calling thread");
      }
      if (value instanceof Thread thread) {
        offer(thread.getContextClassLoader(), value, ".getContextClassLoader()");
        offer(thread.getUncaughtExceptionHandler(), value, ".getUncaughtExceptionHandler()");
      }
      if (value instanceof ClassLoader loader) {
        offer(loader.getParent(), value, ".getParent()");
      }
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
            continue;
          }
          if (!field.trySetAccessible()) {
            inaccessible++;
            continue;
          }
          try {
            offer(field.get(value), value, "." + field.getName());
          } catch (Throwable unreadable) {
            inaccessible++;
          }
        }
        if (c.getClassLoader() != null) {
          walkStatics(c, value);
        }
      }
    }

    private void walkStatics(Class<?> type, Object from) {
      if (!staticsWalked.add(type) || isHarness(type)) {
        return;
      }
      Object holder = from == null ? type : from;
      if (from == null) {
        offerClass(type);
      }
      for (Field field : type.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
          continue;
        }
        if (!field.trySetAccessible()) {
          inaccessible++;
          continue;
        }
        try {
          offer(field.get(null), holder, " static " + type.getName() + "." + field.getName());
        } catch (Throwable unreadable) {
          inaccessible++;
        }
      }
    }

    private void offerClass(Class<?> type) {
      if (!depth.containsKey(type)) {
        depth.put(type, 0);
        parent.put(type, null);
        via.put(type, "root:class " + type.getName());
      }
    }

    private String path(Object value) {
      List<String> steps = new ArrayList<>();
      for (Object at = value; at != null && steps.size() < 40; at = parent.get(at)) {
        steps.add(0, via.get(at));
      }
      return String.join("", steps);
    }

    private static boolean isHarness(Class<?> type) {
      String name = type.getName();
      if (name.startsWith("io.leadbridge.") && (name.endsWith("Test") || name.endsWith("Contract") || name.contains("Test$")
          || name.contains("Contract$"))) {
        return true;
      }
      for (String prefix : HARNESS) {
        if (name.startsWith(prefix)) {
          return true;
        }
      }
      return false;
    }

    private static boolean isA(Class<?> type, String name) {
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        if (c.getName().equals(name)) {
          return true;
        }
        for (Class<?> i : c.getInterfaces()) {
          if (isA(i, name)) {
            return true;
          }
        }
      }
      return false;
    }

    /** Every class of the hub's own code, found where the hub's main class was loaded from. */
    private static List<String> hubClassNames(ClassLoader system) {
      List<String> names = new ArrayList<>();
      try {
        Class<?> app = Class.forName("io.leadbridge.LeadbridgeApplication", false, system);
        URI location = app.getProtectionDomain().getCodeSource().getLocation().toURI();
        Path where = Path.of(location);
        if (Files.isDirectory(where)) {
          try (Stream<Path> files = Files.walk(where)) {
            files.map(where::relativize).map(Path::toString).filter(n -> n.endsWith(".class"))
                .forEach(n -> names.add(n.substring(0, n.length() - 6).replace('/', '.')));
          }
        } else {
          try (JarFile jar = new JarFile(where.toFile())) {
            jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("io/leadbridge/") && n.endsWith(".class"))
                .forEach(n -> names.add(n.substring(0, n.length() - 6).replace('/', '.')));
          }
        }
      } catch (Exception e) {
        names.add("unlisted:" + e);
      }
      return names;
    }

    static synchronized void report(String phase, String text) {
      String file = System.getProperty("leadbridge.hostile.report");
      if (file == null) {
        return;
      }
      try {
        Files.writeString(Path.of(file), "=== " + phase + "\n" + text, StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
