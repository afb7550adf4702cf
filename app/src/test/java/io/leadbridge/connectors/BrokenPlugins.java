package io.leadbridge.connectors;

import io.leadbridge.connector.api.ConnectorApiVersion;
import io.leadbridge.connector.api.CrmConnector;
import io.leadbridge.testing.ConnectorSource;
import io.leadbridge.testing.PluginJar;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plugins directory of the broken-plugin tests, built while the test class loads: good plugins
 * beside one jar for each way a plugin can fail to load, mapped to the words its cause must
 * contain. Stateless after construction and thread-safe.
 */
final class BrokenPlugins {

  /** File name to a fragment of the FAILED cause the API must show. */
  static final Map<String, String> FAILURES = new LinkedHashMap<>();

  static {
    FAILURES.put("constructor-throws.jar", "the constructor of com.example.ctor_throws.TestConnector threw: IllegalStateException: no config");
    FAILURES.put("start-throws.jar", "the plugin's start() failed: IllegalStateException: cannot start");
    FAILURES.put("plugin-class-throws.jar", "the constructor of the Plugin-Class com.example.plugin_ctor.BadPlugin threw: IllegalArgumentException: wrapper");
    FAILURES.put("static-init-throws.jar", "a static initializer threw IllegalStateException: static boom");
    FAILURES.put("missing-class.jar", "class com.example.missing_class.Helper is missing (NoClassDefFoundError)");
    FAILURES.put("uses-host-library.jar", "class com.fasterxml.jackson.databind.ObjectMapper is missing (NoClassDefFoundError)");
    FAILURES.put("descriptor-throws.jar", "descriptor() threw: UnsupportedOperationException: not yet");
    FAILURES.put("descriptor-mismatch.jar", "the descriptor's pluginVersion '1.0.1' differs from the manifest's Plugin-Version '1.0.0'");
    FAILURES.put("incompatible.jar", "the plugin requires connector API '>=2.0.0 & <3.0.0', but the hub provides "
        + ConnectorApiVersion.CURRENT);
    FAILURES.put("no-requires.jar", "the manifest has no Plugin-Requires");
    FAILURES.put("no-extension.jar", "the jar declares no extension");
    FAILURES.put("not-a-connector.jar", "no extension implements CrmConnector (the jar declares com.example.other.Greeter)");
    FAILURES.put("bundles-api.jar", "the jar bundles io/leadbridge/connector/api/CrmConnector.class");
    FAILURES.put("hangs.jar", "within connectors.startTimeout");
    FAILURES.put("not-a-jar.jar", "the file is not a readable jar");
    FAILURES.put("zz-good-again.jar", "the jar good.jar already provides plugin id 'good'");
  }

  private BrokenPlugins() {}

  /** Writes every jar into a new directory and returns it. */
  static Path directory() {
    try {
      Path dir = Files.createTempDirectory("broken-plugins-");
      PluginJar.of(ConnectorSource.connector("good", "1.0.0")).writeTo(dir, "good.jar");
      PluginJar.of(ConnectorSource.connector("other", "2.1.0")).writeTo(dir, "other.jar");
      PluginJar.of(moody()).writeTo(dir, "moody.jar");
      PluginJar.of(jacksonCopy()).source("com.fasterxml.jackson.databind.ObjectMapper", FAKE_OBJECT_MAPPER)
          .writeTo(dir, "jackson-copy.jar");
      PluginJar.of(peeker()).writeTo(dir, "peeker.jar");
      writeFailures(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeFailures(Path dir) throws IOException {
    PluginJar.of(ConnectorSource.connector("ctor-throws", "1.0.0")
        .constructor("throw new IllegalStateException(\"no config\");")).writeTo(dir, "constructor-throws.jar");
    ConnectorSource startThrows = ConnectorSource.connector("start-throws", "1.0.0");
    PluginJar.of(startThrows).manifest("Plugin-Class", startThrows.packageName() + ".ThrowingPlugin")
        .source(startThrows.packageName() + ".ThrowingPlugin", """
            package com.example.start_throws;
            public class ThrowingPlugin extends org.pf4j.Plugin {
              @Override public void start() { throw new IllegalStateException("cannot start"); }
            }""").writeTo(dir, "start-throws.jar");
    ConnectorSource pluginCtor = ConnectorSource.connector("plugin-ctor", "1.0.0");
    PluginJar.of(pluginCtor).manifest("Plugin-Class", pluginCtor.packageName() + ".BadPlugin")
        .source(pluginCtor.packageName() + ".BadPlugin", """
            package com.example.plugin_ctor;
            public class BadPlugin extends org.pf4j.Plugin {
              public BadPlugin() { throw new IllegalArgumentException("wrapper"); }
            }""").writeTo(dir, "plugin-class-throws.jar");
    PluginJar.of(ConnectorSource.connector("static-init", "1.0.0")
        .staticInit("if (System.nanoTime() != 0) { throw new IllegalStateException(\"static boom\"); }"))
        .writeTo(dir, "static-init-throws.jar");
    ConnectorSource missing = ConnectorSource.connector("missing-class", "1.0.0")
        .members("private final Object helper = new Helper();");
    PluginJar.of(missing).source(missing.packageName() + ".Helper", "package com.example.missing_class;\nclass Helper {}")
        .omit(missing.packageName() + ".Helper").writeTo(dir, "missing-class.jar");
    PluginJar.of(ConnectorSource.connector("host-library", "1.0.0")
        .members("private final Object mapper = new com.fasterxml.jackson.databind.ObjectMapper();"))
        .source("com.fasterxml.jackson.databind.ObjectMapper", FAKE_OBJECT_MAPPER)
        .omit("com.fasterxml.jackson.databind.ObjectMapper").writeTo(dir, "uses-host-library.jar");
    PluginJar.of(ConnectorSource.connector("descriptor-throws", "1.0.0")
        .descriptorBody("throw new UnsupportedOperationException(\"not yet\");")).writeTo(dir, "descriptor-throws.jar");
    PluginJar.of(ConnectorSource.connector("mismatch", "1.0.0")
        .descriptorBody("return " + ConnectorSource.descriptor("mismatch", "1.0.1") + ";")).writeTo(dir, "descriptor-mismatch.jar");
    PluginJar.of(ConnectorSource.connector("incompatible", "1.0.0")).manifest("Plugin-Requires", ">=2.0.0 & <3.0.0")
        .writeTo(dir, "incompatible.jar");
    PluginJar.of(ConnectorSource.connector("no-requires", "1.0.0")).manifest("Plugin-Requires", null)
        .writeTo(dir, "no-requires.jar");
    ConnectorSource unlisted = ConnectorSource.connector("no-extension", "1.0.0");
    PluginJar.plugin("no-extension", "1.0.0").source(unlisted.className(), unlisted.java()).writeTo(dir, "no-extension.jar");
    PluginJar.plugin("other-point", "1.0.0")
        .source("com.example.other.Greeter", """
            package com.example.other;
            @org.pf4j.Extension
            public class Greeter implements org.pf4j.ExtensionPoint {}""")
        .extension("com.example.other.Greeter").writeTo(dir, "not-a-connector.jar");
    PluginJar.of(ConnectorSource.connector("bundles-api", "1.0.0"))
        .resource("io/leadbridge/connector/api/CrmConnector.class", classBytes(CrmConnector.class)).writeTo(dir, "bundles-api.jar");
    PluginJar.of(ConnectorSource.connector("hangs", "1.0.0")
        .constructor("try { Thread.sleep(120_000); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }"))
        .writeTo(dir, "hangs.jar");
    Files.writeString(dir.resolve("not-a-jar.jar"), "this is no zip file");
    PluginJar.of(ConnectorSource.connector("good", "1.0.0")).writeTo(dir, "zz-good-again.jar");
  }

  /** A fake of a class the hub has, with a behaviour the real one lacks. */
  private static final String FAKE_OBJECT_MAPPER = """
      package com.fasterxml.jackson.databind;
      public class ObjectMapper {
        public String writeValueAsString(Object value) { return "plugin-copy:" + value; }
      }""";

  /** Delivers with the plugin's own copy of Jackson's ObjectMapper. */
  private static ConnectorSource jacksonCopy() {
    return ConnectorSource.connector("jackson-copy", "1.0.0").deliverBody("""
        String remoteId = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString("x");
        return List.of(DeliveryOutcome.created(remoteId));""");
  }

  /** Reports which classes of the hub it can see, as its remote id. */
  private static ConnectorSource peeker() {
    return ConnectorSource.connector("peeker", "1.0.0").members("""
        private static String seen(String className) {
          try {
            Class.forName(className, false, TestConnector.class.getClassLoader());
            return "visible";
          } catch (ClassNotFoundException e) {
            return "hidden";
          }
        }""").deliverBody("""
        boolean sameApi;
        try {
          sameApi = Class.forName("io.leadbridge.connector.api.CrmConnector") == CrmConnector.class
              && CrmConnector.class.getClassLoader() != TestConnector.class.getClassLoader();
        } catch (ClassNotFoundException e) {
          sameApi = false;
        }
        return List.of(DeliveryOutcome.created("app=" + seen("io.leadbridge.LeadbridgeApplication")
            + ",tenants=" + seen("io.leadbridge.tenants.TenantService")
            + ",jetty=" + seen("org.eclipse.jetty.server.Server")
            + ",jackson=" + seen("com.fasterxml.jackson.databind.ObjectMapper")
            + ",jdk-http=" + seen("java.net.http.HttpClient")
            + ",api-shared=" + sameApi
            + ",context-loader=" + (Thread.currentThread().getContextClassLoader() == TestConnector.class.getClassLoader())));""");
  }

  /** Misbehaves in deliver as the lead's custom field {@code mode} says. */
  private static ConnectorSource moody() {
    return ConnectorSource.connector("moody", "1.0.0").deliverBody("""
        String mode = batch.get(0).customFields().getOrDefault("mode", "");
        if (mode.equals("throw")) {
          throw new IllegalStateException("vendor said: password=hunter2");
        }
        if (mode.equals("short")) {
          return List.of();
        }
        if (mode.equals("null")) {
          return null;
        }
        if (mode.equals("linkage")) {
          throw new NoSuchMethodError("com.example.Gone.method()");
        }
        List<DeliveryOutcome> outcomes = new ArrayList<>();
        for (LeadRecord lead : batch) {
          outcomes.add(DeliveryOutcome.updated("moody-" + lead.leadId()));
        }
        return outcomes;""");
  }

  private static byte[] classBytes(Class<?> type) throws IOException {
    try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
      return in.readAllBytes();
    }
  }
}
