package io.leadbridge.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every structure rule over the app, and against a fixture that violates it — so a rule
 * that silently stopped matching anything would fail here.
 */
class ModuleStructureTest {

  private static final String ROOT = ImportedClasses.ROOT;
  private static final JavaClasses APP = ImportedClasses.APP;

  private record Case(String name, Function<String, ArchRule> rule, String fixtureRoot) {}

  private static final Case[] CASES = {
    new Case("no cycles between modules", LeadbridgeRules::noCyclesBetweenModules, "fixtures.cycle"),
    new Case("internal packages stay inside their module", LeadbridgeRules::internalPackagesStayInsideTheirModule, "fixtures.internal"),
    new Case("resources do not touch Jdbi", LeadbridgeRules::resourcesDoNotTouchJdbi, "fixtures.resource"),
    new Case("each table is used by its owning module only", LeadbridgeRules::eachTableIsUsedByItsOwningModuleOnly, "fixtures.tables"),
    new Case("no standard streams or printStackTrace", LeadbridgeRules::noStandardStreamsOrPrintStackTrace, "fixtures.streams"),
    new Case("only TerminalOutput opens the terminal", LeadbridgeRules::onlyTerminalOutputOpensTheTerminal, "fixtures.streams"),
  };

  @TestFactory
  Stream<DynamicTest> theAppKeepsEveryRule() {
    assertThat(APP.size()).as("the app's classes were imported").isGreaterThan(30);
    return Stream.of(CASES).map(c -> DynamicTest.dynamicTest(c.name(), () -> c.rule().apply(ROOT).check(APP)));
  }

  @TestFactory
  Stream<DynamicTest> eachRuleCatchesItsFixture() {
    return Stream.of(CASES).map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      JavaClasses fixture = new ClassFileImporter().importPackages(c.fixtureRoot());
      assertThat(fixture.size()).as("fixture classes found").isPositive();
      EvaluationResult result = c.rule().apply(c.fixtureRoot()).evaluate(fixture);
      assertThat(result.hasViolation()).as(c.name() + " must fail on " + c.fixtureRoot()).isTrue();
    }));
  }
}
