package io.leadbridge.plugins.guard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * Finds compiled classes in a plugin jar that no source of this build declares: leftovers in the
 * class output (a {@code target/} copied with the module it was copied from, a renamed package)
 * that the compiler never removes and the jar plugin packs. Stateless and thread-safe.
 */
final class StaleClasses {

    private static final int EXAMPLES = 3;

    private StaleClasses() {
    }

    /**
     * @param jar     the packaged plugin jar
     * @param classes the build's class output ({@code target/classes})
     * @param sources the source roots the classes were compiled from, templates of generated
     *                sources included (not their generated copies, which a copied {@code target/}
     *                carries along too)
     * @return the problem, if the jar has such classes
     * @throws IOException if the jar cannot be read
     */
    static Optional<String> problem(Path jar, Path classes, List<Path> sources) throws IOException {
        List<String> stale;
        try (JarFile file = new JarFile(jar.toFile())) {
            stale = Collections.list(file.entries()).stream()
                    .map(ZipEntry::getName)
                    .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/"))
                    .filter(name -> !name.endsWith("module-info.class") && !name.endsWith("package-info.class"))
                    .filter(name -> Files.isRegularFile(classes.resolve(name)))
                    .filter(name -> !declared(name, sources))
                    .sorted()
                    .toList();
        }
        if (stale.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("contains " + stale.size() + " compiled classes that no source of this build declares"
                + " (such as " + String.join(", ", stale.subList(0, Math.min(EXAMPLES, stale.size())))
                + "): stale output, e.g. a target/ copied with the module; run mvn clean and copy without target/");
    }

    /** Whether a source root has {@code pkg/Outer.java}, or a file in {@code pkg/} that declares {@code Outer}. */
    private static boolean declared(String classFile, List<Path> sources) {
        String binary = classFile.substring(0, classFile.length() - ".class".length());
        int dollar = binary.indexOf('$', binary.lastIndexOf('/') + 1);
        String outer = dollar < 0 ? binary : binary.substring(0, dollar);
        int slash = outer.lastIndexOf('/');
        String packageDir = slash < 0 ? "" : outer.substring(0, slash);
        String simpleName = outer.substring(slash + 1);
        Pattern declaration = Pattern.compile("\\b(class|interface|enum|record)\\s+" + Pattern.quote(simpleName) + "\\b");
        for (Path root : sources) {
            if (Files.isRegularFile(root.resolve(outer + ".java"))) {
                return true;
            }
            Path directory = root.resolve(packageDir);
            if (Files.isDirectory(directory) && anyDeclares(directory, declaration)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyDeclares(Path directory, Pattern declaration) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(path -> path.toString().endsWith(".java")).anyMatch(path -> {
                try {
                    return declaration.matcher(Files.readString(path, StandardCharsets.UTF_8)).find();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
