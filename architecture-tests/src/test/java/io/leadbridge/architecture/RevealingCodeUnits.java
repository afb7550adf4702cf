package io.leadbridge.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.domain.JavaCodeUnitReference;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaConstructorReference;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The parts of {@link SecretRules#revealingCodeDoesNotLogFormatOrPersist}: which code units reveal
 * a secret, and what in them counts as logging, building a string or exception message, or using
 * Jdbi. Not thread-safe (caches class files through {@link StringConcatenations}); one instance
 * per rule.
 *
 * <p>What the bytecode reliably shows, and so what this checks:
 * <ul>
 *   <li>calls and method references ({@code log::info}) to a logger type — SLF4J's {@code Logger}
 *       and fluent {@code LoggingEventBuilder}, {@code java.util.logging.Logger},
 *       {@code System.Logger}, and the connector API's {@code ConnectorLog};</li>
 *   <li>constructor calls or references of any {@code Throwable} whose declared parameters
 *       include a {@code String} (the message);</li>
 *   <li>calls of {@code String.format/formatted/valueOf/concat/join}, {@code StringBuilder} and
 *       {@code StringBuffer} {@code append/insert}, {@code MessageFormat.format},
 *       {@code Formatter.format}; and {@code +} on strings, which javac 9+ compiles to an
 *       {@code invokedynamic} of {@code StringConcatFactory} that ArchUnit does not import, so it
 *       is read from the class file with ASM;</li>
 *   <li>calls or references to {@code Jdbi}, {@code Handle}, anything in
 *       {@code org.jdbi.v3.core.statement}, or any method of a SqlObject DAO.</li>
 * </ul>
 * A lambda's body counts as part of the method that declares it, as ArchUnit counts it.
 */
final class RevealingCodeUnits {

  private static final List<String> LOGGERS =
      List.of("org.slf4j.Logger", "org.slf4j.spi.LoggingEventBuilder", "java.util.logging.Logger", "java.lang.System$Logger");

  private static final Map<String, Set<String>> STRING_BUILDING =
      Map.of(
          "java.lang.String", Set.of("format", "formatted", "valueOf", "concat", "join"),
          "java.lang.StringBuilder", Set.of("append", "insert"),
          "java.lang.StringBuffer", Set.of("append", "insert"),
          "java.text.MessageFormat", Set.of("format"),
          "java.util.Formatter", Set.of("format"));

  private static final Set<String> JDBI_ENTRY_POINTS = Set.of("org.jdbi.v3.core.Jdbi", "org.jdbi.v3.core.Handle");
  private static final String JDBI_STATEMENTS = "org.jdbi.v3.core.statement";

  private final String root;
  private final StringConcatenations concatenations = new StringConcatenations();

  RevealingCodeUnits(String root) {
    this.root = root;
  }

  DescribedPredicate<JavaCodeUnit> reveal() {
    return DescribedPredicate.describe(
        "reveal a SecretValue (call or reference " + SecretRules.secretValue(root) + ".reveal())",
        unit -> SecretRules.callsAndReferences(unit).anyMatch(access -> SecretRules.isReveal(access, root)));
  }

  ArchCondition<JavaCodeUnit> notAlsoLogBuildStringsOrUseJdbi() {
    return new ArchCondition<>("not also log, build a string or exception message, or use Jdbi") {
      @Override
      public void check(JavaCodeUnit unit, ConditionEvents events) {
        String revealed = "reveals a SecretValue at " + revealLocations(unit);
        SecretRules.callsAndReferences(unit).forEach(access -> sink(access).ifPresent(what ->
            events.add(SimpleConditionEvent.violated(unit, String.format(
                "%s %s and %s: %s <%s> at %s",
                unit.getDescription(), revealed, what, access instanceof JavaCodeUnitReference ? "references" : "calls",
                access.getTarget().getFullName(), access.getSourceCodeLocation())))));
        for (int line : concatenations.linesIn(unit)) {
          events.add(SimpleConditionEvent.violated(unit, String.format(
              "%s %s and builds a string: + concatenation (invokedynamic StringConcatFactory) at (%s:%d)",
              unit.getDescription(), revealed, fileName(unit.getOwner()), line)));
        }
      }
    };
  }

  private String revealLocations(JavaCodeUnit unit) {
    return SecretRules.callsAndReferences(unit)
        .filter(access -> SecretRules.isReveal(access, root))
        .map(access -> access.getSourceCodeLocation().toString())
        .distinct()
        .collect(Collectors.joining(", "));
  }

  /** What an access does that a revealing method may not, if anything. */
  private Optional<String> sink(JavaCodeUnitAccess<?> access) {
    JavaClass owner = access.getTargetOwner();
    String name = access.getName();
    if (isAny(owner, LOGGERS) || isAny(owner, List.of(root + ".connector.api.ConnectorLog"))) {
      return Optional.of("logs");
    }
    if (isConstructor(access)
        && owner.isAssignableTo(Throwable.class)
        && access.getTarget().getRawParameterTypes().stream().anyMatch(t -> t.isEquivalentTo(String.class))) {
      return Optional.of("builds an exception message");
    }
    if (STRING_BUILDING.getOrDefault(owner.getName(), Set.of()).contains(name)) {
      return Optional.of("builds a string");
    }
    if (JDBI_ENTRY_POINTS.contains(owner.getName())
        || owner.getPackageName().startsWith(JDBI_STATEMENTS)
        || SecretRules.isSqlObject(owner)) {
      return Optional.of("uses Jdbi");
    }
    return Optional.empty();
  }

  private static boolean isConstructor(JavaCodeUnitAccess<?> access) {
    return access instanceof JavaConstructorCall || access instanceof JavaConstructorReference;
  }

  private static boolean isAny(JavaClass type, List<String> names) {
    return names.stream().anyMatch(name -> type.getName().equals(name) || type.isAssignableTo(name));
  }

  private static String fileName(JavaClass type) {
    return type.getSource().flatMap(source -> source.getFileName()).orElse(type.getSimpleName() + ".java");
  }
}
