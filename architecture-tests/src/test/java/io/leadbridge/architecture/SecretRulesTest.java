package io.leadbridge.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every secret rule over the real classes, and against a fixture in which it must report each
 * listed violation (a regular expression over the failure details) and none of the allowed cases —
 * so a rule that silently stopped seeing one path to a leak, or started flagging what it permits,
 * fails here.
 */
class SecretRulesTest {

  private static final String ROOT = ImportedClasses.ROOT;

  /**
   * @param scope the real classes the rule runs over: the app, or everything under the root
   *     (connector API, plugins and simulators too)
   */
  private record Case(
      String name,
      Function<String, ArchRule> rule,
      JavaClasses scope,
      String fixtureRoot,
      List<String> mustReport,
      List<String> mustNotReport) {}

  private static final Case[] CASES = {
    new Case(
        "only credentials, the connector host and the rollout client reveal a secret",
        SecretRules::onlyCredentialsTheConnectorHostAndTheRolloutClientReveal,
        ImportedClasses.EVERYTHING,
        "fixtures.secrets",
        List.of(
            "TokenPeek\\.length\\(.*\\)> calls method <fixtures\\.secrets\\.credentials\\.SecretValue\\.reveal\\(\\)>",
            "TokenPeekByReference\\.count\\(.*\\)> references method <fixtures\\.secrets\\.credentials\\.SecretValue\\.reveal"),
        List.of("EnvelopeStore", "HostContext", "ClientToken")),
    new Case(
        "a revealing method does not log, build strings or use Jdbi",
        SecretRules::revealingCodeDoesNotLogFormatOrPersist,
        ImportedClasses.EVERYTHING,
        "fixtures.secrets",
        List.of(
            "\\.logsWithSlf4j\\(.* and logs: calls <org\\.slf4j\\.Logger\\.debug",
            "\\.logsThroughTheConnectorLog\\(.* and logs: calls <fixtures\\.secrets\\.connector\\.api\\.ConnectorLog\\.info",
            "\\.logsByMethodReference\\(.* and logs: references <org\\.slf4j\\.Logger\\.info",
            "\\.throwsWithAMessage\\(.* and builds an exception message: calls <java\\.lang\\.IllegalArgumentException\\.<init>",
            "\\.throwsItsOwnExceptionWithAMessage\\(.* and builds an exception message: calls <.*TokenRejectedException\\.<init>",
            "\\.concatenates\\(.* and builds a string: \\+ concatenation .* at \\(LeakyHostContext\\.java:\\d+\\)",
            "\\.concatenatesInALambda\\(.* and builds a string: \\+ concatenation",
            "\\.formats\\(.* and builds a string: calls <java\\.lang\\.String\\.format",
            "\\.appends\\(.* and builds a string: calls <java\\.lang\\.StringBuilder\\.append",
            "\\.writesThroughADao\\(.* and uses Jdbi: calls <.*ConnectionDao\\.relabel",
            "\\.writesThroughAHandleInALambda\\(.* and uses Jdbi: calls <org\\.jdbi\\.v3\\.core\\.Handle\\.execute",
            "\\.revealsByMethodReferenceAndLogs\\(.* and logs: calls <org\\.slf4j\\.Logger\\.info"),
        List.of("\\.HostContext\\.", "EnvelopeStore", "TokenPeek")),
    new Case(
        "no secrets in DAOs, row mappers or API types",
        SecretRules::noSecretsInDaosMappersOrApiTypes,
        ImportedClasses.EVERYTHING,
        "fixtures.secrets",
        List.of(
            "TokenDao> holds fixtures\\.secrets\\.credentials\\.SecretValue: Parameter <.*> of method <.*TokenDao\\.insert",
            "TokenRowDao> holds .*SecretValue: carried type .*TokenRow: Field <.*TokenRow\\.token>",
            "CredentialRowMapper> holds fixtures\\.secrets\\.credentials\\.OpenedCredential: Return type of Method <.*\\.map\\(",
            "TokenView> holds .*SecretValue: Field <.*TokenView\\.values>",
            "TokenResource> holds .*SecretValue: Return type of Method <.*TokenResource\\.token\\(\\)>",
            "TokenResource> holds .*OpenedCredential: carried type .*TokenForm: Field <.*TokenForm\\.credential>"),
        List.of("EnvelopeDao", "ConnectionDao", "TenantNameDao", "TenantView")),
    new Case(
        "only credentials uses KMS and ciphers",
        SecretRules::onlyCredentialsUsesKmsAndCiphers,
        ImportedClasses.APP,
        "fixtures.secrets",
        List.of("TokenHasher.*<javax\\.crypto\\.Mac", "KeyLookup.*<software\\.amazon\\.awssdk\\.services\\.kms\\.KmsClient"),
        List.of("EnvelopeStore")),
    new Case(
        "nothing outside the app reaches it",
        root -> SecretRules.nothingOutsideTheAppReachesIt(root, ImportedClasses.APP_MODULES),
        ImportedClasses.EVERYTHING,
        "fixtures.outside",
        List.of(
            "VaultContext.*<fixtures\\.outside\\.credentials\\.Vault",
            "AuditingConnector.*<fixtures\\.outside\\.audit\\.AuditTrail",
            "TenantSimulator.*<fixtures\\.outside\\.tenants\\.Tenants"),
        List.of("^\\w+ <fixtures\\.outside\\.connector\\.api\\.CleanContext", "^\\w+ <fixtures\\.outside\\.(credentials|audit|tenants)\\.")),
  };

  @TestFactory
  Stream<DynamicTest> theRealClassesKeepEveryRule() {
    return Stream.of(CASES).map(c -> DynamicTest.dynamicTest(c.name(), () -> c.rule().apply(ROOT).check(c.scope())));
  }

  @TestFactory
  Stream<DynamicTest> eachRuleReportsExactlyWhatItsFixtureDoesWrong() {
    return Stream.of(CASES).map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      JavaClasses fixture = new ClassFileImporter().importPackages(c.fixtureRoot());
      assertThat(fixture.size()).as("fixture classes found").isPositive();
      EvaluationResult result = c.rule().apply(c.fixtureRoot()).evaluate(fixture);
      List<String> details = result.getFailureReport().getDetails();
      assertThat(result.hasViolation()).as(c.name() + " must fail on " + c.fixtureRoot()).isTrue();
      List<String> missed = c.mustReport().stream().filter(p -> details.stream().noneMatch(matches(p))).toList();
      List<String> wronglyFlagged = c.mustNotReport().stream().filter(p -> details.stream().anyMatch(matches(p))).toList();
      assertThat(missed).as("violations the rule missed; it reported:%n%s", String.join("\n", details)).isEmpty();
      assertThat(wronglyFlagged).as("allowed cases the rule flagged; it reported:%n%s", String.join("\n", details)).isEmpty();
    }));
  }

  private static Predicate<String> matches(String regex) {
    return Pattern.compile(regex).asPredicate();
  }

  @Test
  void theAppAndWhatIsNotTheAppWereBothImported() {
    assertThat(ImportedClasses.APP.size()).as("app classes").isGreaterThan(30);
    assertThat(ImportedClasses.APP.contain("io.leadbridge.credentials.SecretValue")).isTrue();
    assertThat(ImportedClasses.APP.contain("io.leadbridge.connector.api.ConnectorLog")).as("the connector API is not the app").isFalse();
    assertThat(ImportedClasses.EVERYTHING.contain("io.leadbridge.connector.api.ConnectorLog")).as("connector API imported").isTrue();
    assertThat(ImportedClasses.EVERYTHING.contain("io.leadbridge.simulators.kms.KmsSimulator")).as("simulators imported").isTrue();
    assertThat(ImportedClasses.APP_MODULES).contains("credentials", "audit", "tenants");
  }

  /** Rule 5 tells the app by its packages: no class from elsewhere may live in an app module's package. */
  @Test
  void nothingOutsideTheAppLivesInAnAppModulesPackage() {
    List<String> trespassers = ImportedClasses.EVERYTHING.stream()
        .filter(type -> !ImportedClasses.APP.contain(type.getName()))
        .filter(type -> type.getPackageName().equals(ROOT)
            || ImportedClasses.moduleOf(type).filter(ImportedClasses.APP_MODULES::contains).isPresent())
        .map(JavaClass::getName)
        .toList();
    assertThat(trespassers).isEmpty();
  }
}
