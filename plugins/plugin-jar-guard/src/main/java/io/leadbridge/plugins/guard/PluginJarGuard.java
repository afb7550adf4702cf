package io.leadbridge.plugins.guard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

/**
 * Checks that a built connector plugin jar is one the host can load, so that a packaging mistake
 * fails the build instead of a plugin start. Stateless and thread-safe.
 *
 * <p>A plugin jar is refused when it
 * <ul>
 *   <li>bundles classes of connector-api ({@code io/leadbridge/connector/api/}) or PF4J
 *       ({@code org/pf4j/}), also in a multi-release {@code META-INF/versions/N/} folder: with
 *       PF4J's plugin-first class loading, a second copy of the extension point makes the host
 *       find no extension (LIBRARY-NOTES §2.6), and a second PF4J breaks the plugin class;</li>
 *   <li>has no {@code Plugin-Id}, {@code Plugin-Version} or {@code Plugin-Requires} in its
 *       manifest, or a {@code Plugin-Requires} without an upper bound (PF4J reads {@code 1.0.0}
 *       as {@code >=1.0.0}, which accepts an incompatible 2.0.0);</li>
 *   <li>has no extension in {@code META-INF/extensions.idx}, or lists one whose class is not in
 *       the jar: the PF4J annotation processor did not run (LIBRARY-NOTES §2.2, the
 *       {@code annotationProcessorPaths} trap) or ran on other sources;</li>
 *   <li>when given the build's class output and source roots ({@code --classes}, {@code --sources}),
 *       holds a compiled class no source of this build declares: stale output, such as the
 *       example's {@code PluginInfo.class} in a {@code target/} copied along with the example,
 *       which would put a second plugin's classes into the jar. Classes that are not in the
 *       class output (a shaded library) are not this check's business.</li>
 * </ul>
 */
public final class PluginJarGuard {

    /** Packages a plugin jar must not contain: the host provides them. */
    static final List<String> FORBIDDEN_PACKAGES = List.of("io/leadbridge/connector/api/", "org/pf4j/");

    /** PF4J's extension index, written by its annotation processor. */
    static final String EXTENSION_INDEX = "META-INF/extensions.idx";

    private static final Pattern VERSIONED = Pattern.compile("META-INF/versions/[0-9]+/");
    private static final List<String> REQUIRED_ATTRIBUTES = List.of("Plugin-Id", "Plugin-Version", "Plugin-Requires");
    private static final int EXAMPLES = 3;

    private PluginJarGuard() {
    }

    /**
     * Checks each jar and fails if any has a problem.
     *
     * @param args paths of plugin jars, optionally with {@code --classes <dir>} (the build's class
     *             output) and {@code --sources <dir>} (repeatable: the source roots it was compiled from)
     * @throws IllegalStateException listing every problem of every jar, if there is one
     * @throws IOException           if a jar cannot be read
     */
    public static void main(String... args) throws IOException {
        List<String> jars = new ArrayList<>();
        Path classes = null;
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if ("--classes".equals(args[i]) && i + 1 < args.length) {
                classes = Path.of(args[++i]);
            } else if ("--sources".equals(args[i]) && i + 1 < args.length) {
                sources.add(Path.of(args[++i]));
            } else {
                jars.add(args[i]);
            }
        }
        if (jars.isEmpty()) {
            throw new IllegalArgumentException(
                    "usage: PluginJarGuard [--classes <dir> --sources <dir>...] <plugin.jar>...");
        }
        List<String> report = new ArrayList<>();
        for (String jar : jars) {
            problems(Path.of(jar)).forEach(problem -> report.add(jar + ": " + problem));
            if (classes != null) {
                StaleClasses.problem(Path.of(jar), classes, sources).ifPresent(problem -> report.add(jar + ": " + problem));
            }
        }
        if (!report.isEmpty()) {
            throw new IllegalStateException("plugin jar refused:\n  " + String.join("\n  ", report));
        }
    }

    /**
     * @param jar a plugin jar
     * @return what is wrong with it, one sentence each; empty if nothing
     * @throws IOException if the jar cannot be read
     */
    public static List<String> problems(Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) {
            return List.of("no such file (was the module packaged?)");
        }
        List<String> problems = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> names = Collections.list(file.entries()).stream()
                    .filter(entry -> !entry.isDirectory())
                    .map(ZipEntry::getName)
                    .toList();
            for (String forbidden : FORBIDDEN_PACKAGES) {
                bundled(names, forbidden).ifPresent(problems::add);
            }
            problems.addAll(manifestProblems(file.getManifest()));
            problems.addAll(extensionProblems(file, names));
        }
        return problems;
    }

    private static Optional<String> bundled(List<String> names, String forbidden) {
        List<String> hits = names.stream()
                .filter(name -> VERSIONED.matcher(name).replaceFirst("").startsWith(forbidden))
                .toList();
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("bundles " + hits.size() + " entries of " + forbidden + " (such as "
                + String.join(", ", hits.subList(0, Math.min(EXAMPLES, hits.size())))
                + "); the host provides them: depend on connector-api and pf4j with scope provided"
                + " and do not shade them");
    }

    private static List<String> manifestProblems(Manifest manifest) {
        if (manifest == null) {
            return List.of("has no META-INF/MANIFEST.MF with Plugin-Id, Plugin-Version and Plugin-Requires");
        }
        Attributes attributes = manifest.getMainAttributes();
        List<String> problems = new ArrayList<>();
        for (String name : REQUIRED_ATTRIBUTES) {
            String value = attributes.getValue(name);
            if (value == null || value.isBlank()) {
                problems.add("manifest has no " + name);
            }
        }
        String requires = attributes.getValue("Plugin-Requires");
        if (requires != null && !requires.isBlank() && !requires.contains("<")) {
            problems.add("Plugin-Requires '" + requires + "' has no upper bound; write >=1.N.0 & <2.0.0");
        }
        return problems;
    }

    private static List<String> extensionProblems(JarFile file, List<String> names) throws IOException {
        JarEntry index = file.getJarEntry(EXTENSION_INDEX);
        if (index == null) {
            return List.of("has no " + EXTENSION_INDEX + ": the PF4J annotation processor did not run"
                    + " (pf4j must be on the compile class path, or in annotationProcessorPaths if that is set)");
        }
        List<String> extensions = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(file.getInputStream(index), StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(extensions::add);
        }
        if (extensions.isEmpty()) {
            return List.of(EXTENSION_INDEX + " lists no extension: annotate the connector with @Extension");
        }
        List<String> problems = new ArrayList<>();
        for (String extension : extensions) {
            if (!names.contains(extension.replace('.', '/') + ".class")) {
                problems.add(EXTENSION_INDEX + " lists " + extension + ", which is not in the jar");
            }
        }
        return problems;
    }
}
