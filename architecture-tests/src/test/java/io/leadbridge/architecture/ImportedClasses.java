package io.leadbridge.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.leadbridge.LeadbridgeApplication;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The production classes the rules run over, imported once: everything under the root on the test
 * classpath (the app, the connector API, the plugins and simulators), and the app's own classes,
 * told apart by the jar (or classes directory) they come from rather than by package, so that "not
 * the app" needs no list. Immutable after class initialisation.
 */
final class ImportedClasses {

  static final String ROOT = "io.leadbridge";

  static final JavaClasses EVERYTHING =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

  static final JavaClasses APP = EVERYTHING.that(comeFromTheArtifactOf(LeadbridgeApplication.class));

  /** The app's top-level module packages under the root ({@code tenants}, {@code credentials}, ...). */
  static final Set<String> APP_MODULES = modulesOf(APP);

  private ImportedClasses() {}

  private static Set<String> modulesOf(JavaClasses classes) {
    Set<String> modules = new TreeSet<>();
    for (JavaClass type : classes) {
      LeadbridgeRules.module(ROOT, type.getPackageName()).ifPresent(modules::add);
    }
    return modules;
  }

  private static DescribedPredicate<JavaClass> comeFromTheArtifactOf(Class<?> member) {
    Path artifact;
    try {
      artifact = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("the location of " + member.getName() + " is no URI", e);
    }
    return DescribedPredicate.describe(
        "come from " + artifact,
        type -> type.getSource().map(source -> fileOf(source.getUri()).startsWith(artifact)).orElse(false));
  }

  /**
   * The file a class was read from: its jar ({@code jar:file:/a.jar!/x/Y.class}) or the class
   * file itself ({@code file:///classes/x/Y.class}; ArchUnit writes three slashes where a code
   * source has one, so URIs are compared as paths).
   */
  private static Path fileOf(URI source) {
    String uri = source.toString();
    return Path.of(URI.create(uri.startsWith("jar:") ? uri.substring("jar:".length(), uri.indexOf("!/")) : uri));
  }

  /** The module (top-level package under the root) of a class; empty for the root package itself. */
  static Optional<String> moduleOf(JavaClass type) {
    return LeadbridgeRules.module(ROOT, type.getPackageName());
  }
}
