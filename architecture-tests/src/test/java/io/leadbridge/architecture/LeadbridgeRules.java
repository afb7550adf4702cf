package io.leadbridge.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.io.FileDescriptor;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The structure rules of the modular monolith, parameterised by root package so that each rule
 * can also be run against a fixture that must violate it.
 */
final class LeadbridgeRules {

  /** The one class allowed to write to the terminal, for commands' output. */
  static final String TERMINAL_OUTPUT = "io.leadbridge.cli.TerminalOutput";

  private LeadbridgeRules() {}

  /** Modules are the top-level packages under the root; none may depend on another in a cycle. */
  static ArchRule noCyclesBetweenModules(String root) {
    return slices().matching(root + ".(*)..").should().beFreeOfCycles();
  }

  /** A module's {@code internal} package is its own business. */
  static ArchRule internalPackagesStayInsideTheirModule(String root) {
    return classes().that().resideInAPackage(root + "..").should(onlyUseTheirOwnInternals(root))
        .as("classes use no other module's internal package");
  }

  /**
   * Each table belongs to one module (the one that creates it in its migration): only that module's
   * SQL names it; every other module goes through its public face. A table no module owns fails
   * too, so a new table is given an owner here.
   */
  static ArchRule eachTableIsUsedByItsOwningModuleOnly(String root) {
    return classes().that().resideInAPackage(root + "..").should(nameOnlyTheirModulesTables(root))
        .as("classes' SQL names only tables their module owns");
  }

  /** Resources are thin: they talk to services, never to Jdbi. */
  static ArchRule resourcesDoNotTouchJdbi(String root) {
    return noClasses().that().resideInAPackage(root + "..").and().areAnnotatedWith(jakarta.ws.rs.Path.class)
        .should().dependOnClassesThat().resideInAPackage("org.jdbi..")
        .as("JAX-RS resources do not use Jdbi directly");
  }

  /** Output goes through the logger; stack traces through the exception mapper's one log line. */
  static ArchRule noStandardStreamsOrPrintStackTrace(String root) {
    return noClasses().that().resideInAPackage(root + "..")
        .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
        .as("no System.out, System.err or printStackTrace");
  }

  /** The terminal may only be reached through {@link #TERMINAL_OUTPUT}, so the rule above has no back door. */
  static ArchRule onlyTerminalOutputOpensTheTerminal(String root) {
    return noClasses().that().resideInAPackage(root + "..").and().doNotHaveFullyQualifiedName(TERMINAL_OUTPUT)
        .should().accessField(FileDescriptor.class, "out")
        .orShould().accessField(FileDescriptor.class, "err")
        .as("only " + TERMINAL_OUTPUT + " writes to the terminal");
  }

  private static ArchCondition<JavaClass> onlyUseTheirOwnInternals(String root) {
    Pattern internal = Pattern.compile(Pattern.quote(root) + "\\.([^.]+)\\.internal(\\..*)?");
    return new ArchCondition<>("only use their own module's internal package") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        Optional<String> originModule = module(root, origin.getPackageName());
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          Matcher m = internal.matcher(dependency.getTargetClass().getPackageName());
          if (m.matches() && !originModule.equals(Optional.of(m.group(1)))) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  /** The module (top-level package under the root) a package belongs to; empty for the root itself and outside it. */
  /** The module that owns each table (its migration creates it). */
  static final Map<String, String> TABLE_OWNERS = Map.ofEntries(
      Map.entry("tenants", "tenants"),
      Map.entry("api_keys", "tenants"),
      Map.entry("audit_events", "audit"),
      Map.entry("credentials.data_keys", "credentials"),
      Map.entry("credentials.envelopes", "credentials"),
      Map.entry("credentials.shredded_tenants", "credentials"),
      Map.entry("credentials.key_generation", "credentials"),
      Map.entry("credentials.tenant_key_generations", "credentials"),
      Map.entry("third_party_integrations", "integrations"),
      Map.entry("internal_integrations", "integrations"),
      Map.entry("leads", "leads"),
      Map.entry("lead_idempotency_keys", "leads"),
      Map.entry("lead_fingerprints", "leads"),
      Map.entry("deliveries", "delivery"),
      Map.entry("vendor_budgets", "delivery"),
      Map.entry("vendor_budget_sends", "delivery"),
      Map.entry("delivery_breakers", "delivery"),
      Map.entry("api_request_counts", "apilimits"));

  private static ArchCondition<JavaClass> nameOnlyTheirModulesTables(String root) {
    return new ArchCondition<>("name only tables their module owns") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        Optional<String> module = module(root, type.getPackageName());
        for (String table : SqlTables.of(type)) {
          String owner = TABLE_OWNERS.get(table);
          if (owner == null) {
            events.add(SimpleConditionEvent.violated(type, type.getName() + " names table " + table
                + ", which no module owns (LeadbridgeRules.TABLE_OWNERS)"));
          } else if (!module.equals(Optional.of(owner))) {
            events.add(SimpleConditionEvent.violated(type, type.getName() + " names table " + table + " of module "
                + owner + "; use that module's public face"));
          }
        }
      }
    };
  }

  static Optional<String> module(String root, String packageName) {
    if (!packageName.startsWith(root + ".")) {
      return Optional.empty();
    }
    String rest = packageName.substring(root.length() + 1);
    int dot = rest.indexOf('.');
    return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
  }
}
