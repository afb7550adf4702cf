package io.leadbridge.testing;

import io.leadbridge.connector.api.CrmConnector;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.pf4j.Extension;

/**
 * Builds a PF4J plugin jar during a test: compiles Java sources with the JDK compiler against the
 * connector API and PF4J (nothing else of the hub), and writes a jar with a manifest and
 * {@code META-INF/extensions.idx}, leaving out whatever classes the test wants missing. Not
 * thread-safe (a builder).
 */
public final class PluginJar {

  /** What a well-behaved plugin declares: this API's major version. */
  public static final String REQUIRES = ">=1.0.0 & <2.0.0";

  private final Map<String, String> manifest = new LinkedHashMap<>();
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final Set<String> extensions = new LinkedHashSet<>();
  private final Set<String> omitted = new LinkedHashSet<>();
  private final Map<String, byte[]> resources = new LinkedHashMap<>();

  private PluginJar() {}

  /** A plugin with this id and version that requires {@link #REQUIRES}. */
  public static PluginJar plugin(String id, String version) {
    return new PluginJar().manifest("Plugin-Id", id).manifest("Plugin-Version", version).manifest("Plugin-Requires", REQUIRES);
  }

  /** A plugin whose one extension is the connector the source describes. */
  public static PluginJar of(ConnectorSource connector) {
    return plugin(connector.id(), connector.version()).source(connector.className(), connector.java())
        .extension(connector.className());
  }

  /** Sets a manifest attribute; a null value removes it. */
  public PluginJar manifest(String name, String value) {
    if (value == null) {
      manifest.remove(name);
    } else {
      manifest.put(name, value);
    }
    return this;
  }

  /** Adds a Java source for the class {@code className}. */
  public PluginJar source(String className, String java) {
    sources.put(className, java);
    return this;
  }

  /** Lists a class in {@code META-INF/extensions.idx}. */
  public PluginJar extension(String className) {
    extensions.add(className);
    return this;
  }

  /** Compiles the class but leaves it (and its nested classes) out of the jar. */
  public PluginJar omit(String className) {
    omitted.add(className);
    return this;
  }

  /** Adds a file to the jar as it is. */
  public PluginJar resource(String path, byte[] content) {
    resources.put(path, content);
    return this;
  }

  /**
   * Builds the jar, lists it in the directory's test allowlist ({@link TestTrust}) and moves it into
   * {@code directory} as {@code fileName} in one step.
   */
  public Path writeTo(Path directory, String fileName) {
    return write(directory, fileName, true);
  }

  /** As {@link #writeTo}, but the jar is not listed: the hub refuses it as not trusted. */
  public Path writeUntrusted(Path directory, String fileName) {
    return write(directory, fileName, false);
  }

  private Path write(Path directory, String fileName, boolean trusted) {
    Path work = workDirectory();
    try {
      Path jar = build(work);
      if (trusted) {
        TestTrust.allow(directory, jar);
      }
      // A move, so that a hub scanning the directory never sees a half-written jar.
      return Files.move(jar, directory.resolve(fileName), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(work);
    }
  }

  /**
   * Builds the jar, lists it in the test allowlist and writes it over {@code fileName} in place
   * (same file, truncated), as a careless {@code cp} does: a plugin version still running from the
   * old content must not notice.
   */
  public Path overwrite(Path directory, String fileName) {
    Path work = workDirectory();
    try {
      Path jar = build(work);
      TestTrust.allow(directory, jar);
      return Files.write(directory.resolve(fileName), Files.readAllBytes(jar));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(work);
    }
  }

  private static Path workDirectory() {
    try {
      return Files.createTempDirectory("plugin-build-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path work) {
    try (Stream<Path> walk = Files.walk(work)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // A build directory left in the temporary directory harms nothing.
    }
  }

  private Path build(Path work) throws IOException {
    Path classes = Files.createDirectories(work.resolve("classes"));
    if (!sources.isEmpty()) {
      compile(work.resolve("src"), classes);
    }
    Path jar = work.resolve("plugin.jar");
    Manifest mf = new Manifest();
    mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.forEach((name, value) -> mf.getMainAttributes().putValue(name, value));
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf)) {
      if (!extensions.isEmpty()) {
        put(out, "META-INF/extensions.idx", ("# Generated by PF4J\n" + String.join("\n", extensions) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
        put(out, resource.getKey(), resource.getValue());
      }
      for (Path file : classFiles(classes)) {
        String name = classes.relativize(file).toString().replace('\\', '/');
        if (!isOmitted(name)) {
          put(out, name, Files.readAllBytes(file));
        }
      }
    }
    return jar;
  }

  private boolean isOmitted(String entry) {
    String className = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
    return omitted.stream().anyMatch(o -> className.equals(o) || className.startsWith(o + "$"));
  }

  private void compile(Path src, Path classes) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      files.add(file);
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = List.of("-proc:none", "--release", "17", "-d", classes.toString(),
          "-classpath", location(CrmConnector.class) + File.pathSeparator + location(Extension.class));
      boolean ok = compiler.getTask(null, fileManager, diagnostics, options, null,
          fileManager.getJavaFileObjectsFromPaths(files)).call();
      if (!ok) {
        StringBuilder report = new StringBuilder("plugin sources do not compile:");
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
          report.append('\n').append(d.getSource() == null ? "" : d.getSource().getName()).append(':')
              .append(d.getLineNumber()).append(' ').append(d.getMessage(Locale.ROOT));
        }
        throw new AssertionError(report);
      }
    }
  }

  private static List<Path> classFiles(Path classes) throws IOException {
    try (Stream<Path> walk = Files.walk(classes)) {
      return walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
    }
  }

  private static void put(JarOutputStream out, String name, byte[] content) throws IOException {
    out.putNextEntry(new JarEntry(name));
    out.write(content);
    out.closeEntry();
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
