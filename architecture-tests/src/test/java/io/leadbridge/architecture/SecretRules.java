package io.leadbridge.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rules that keep a credential from leaking (issue #3, "proof against leaks"), parameterised by
 * root package like {@link LeadbridgeRules} so that each also runs against a fixture that must
 * violate it. Stateless.
 *
 * <p>What bytecode can show: ArchUnit sees which methods and constructors a method calls or
 * references, with their declared parameter types, never the static type of an argument nor a
 * value. So "no logger call with a SecretValue" finds nothing (a logger takes {@code Object}):
 * {@code SecretValue} itself must be unprintable, and these rules close the paths around it —
 * who may turn one into bytes, what a method that does may also do, which types may hold one, who
 * may touch the key service and ciphers, and that nothing outside the app can reach the vault.
 */
final class SecretRules {

  static final String JDBI_SQL_OBJECT = "org.jdbi.v3.sqlobject.SqlObject";
  static final List<String> JDBI_SQL_ANNOTATIONS =
      Stream.of("SqlUpdate", "SqlQuery", "SqlBatch", "SqlCall", "SqlScript")
          .map(name -> "org.jdbi.v3.sqlobject.statement." + name)
          .toList();

  private SecretRules() {}

  static String secretValue(String root) {
    return root + ".credentials.SecretValue";
  }

  static String openedCredential(String root) {
    return root + ".credentials.OpenedCredential";
  }

  /** The connector host's context code, which reveals a secret to put it into a vendor request. */
  static String connectorHost(String root) {
    return root + ".connectors.internal..";
  }

  /**
   * The rollout module's client builder, which reveals the Unleash API token once at start-up: the
   * SDK takes it only as a String header value.
   */
  static String rolloutClient(String root) {
    return root + ".rollout.internal..";
  }

  /**
   * Rule 1: only the credentials module, the connector host's context code and the rollout
   * module's Unleash client builder turn a secret into bytes. Catches calls of {@code SecretValue.reveal()} and method references to it
   * ({@code SecretValue::reveal}), from any method, constructor, initializer or lambda. Cannot
   * catch reflection, nor what a permitted caller does with the bytes once it hands them on.
   */
  static ArchRule onlyCredentialsTheConnectorHostAndTheRolloutClientReveal(String root) {
    return classes().that().resideInAPackage(root + "..")
        .and().resideOutsideOfPackages(root + ".credentials..", connectorHost(root), rolloutClient(root))
        .should(notAccessReveal(root))
        .as("only " + root + ".credentials.., the connector host (" + connectorHost(root) + ") and the Unleash"
            + " client builder (" + rolloutClient(root) + ") call " + secretValue(root) + ".reveal()")
        .because("revealed bytes are plaintext that no type protects any more; everywhere else a secret stays"
            + " a SecretValue, which refuses to be printed or serialized");
  }

  /**
   * Rule 2: a code unit that reveals a secret neither logs, nor builds a string or exception
   * message, nor uses Jdbi; see {@link RevealingCodeUnits} for exactly what counts. A method's
   * lambdas count as part of it. Cannot follow the bytes into another method, a local or
   * anonymous class, a field or a collection: it only keeps the method that holds them small.
   */
  static ArchRule revealingCodeDoesNotLogFormatOrPersist(String root) {
    RevealingCodeUnits revealing = new RevealingCodeUnits(root);
    return codeUnits().that().areDeclaredInClassesThat().resideInAPackage(root + "..")
        .and(revealing.reveal())
        .should(revealing.notAlsoLogBuildStringsOrUseJdbi())
        .as("a method that reveals a SecretValue does not also log (SLF4J, JUL, System.Logger, ConnectorLog),"
            + " build a string (+ concatenation, String.format/formatted/valueOf/concat/join, StringBuilder,"
            + " StringBuffer, MessageFormat, Formatter) or an exception message (a Throwable constructor taking"
            + " a String), or use Jdbi (Jdbi, Handle, statements, SqlObject DAOs)")
        .because("each of these is a way for the revealed bytes to reach a log, an error response or a table;"
            + " a revealing method should only hand the bytes to their one consumer and wipe them");
  }

  /**
   * Rule 3: no Jdbi DAO, row or column mapper, API representation ({@code ..api..} packages) or
   * JAX-RS resource method holds a {@code SecretValue} or {@code OpenedCredential} outside
   * {@code credentials.internal}, nor carries a type that does; see {@link SecretMembers}.
   */
  static ArchRule noSecretsInDaosMappersOrApiTypes(String root) {
    SecretMembers members = new SecretMembers(root);
    return classes().that(members.daosMappersApiTypesOrResources())
        .and().resideOutsideOfPackage(root + ".credentials.internal..")
        .should(members.notHoldSecrets())
        .as("no Jdbi DAO, row or column mapper, API representation (" + root + "..api..) or JAX-RS resource method"
            + " outside " + root + ".credentials.internal.. has a SecretValue or OpenedCredential field, parameter"
            + " or return type, or carries a type that has one")
        .because("what a DAO binds or maps ends up in a table, and what the API carries ends up in a response"
            + " or a request log; only the vault's internals keep secrets next to storage, and only as envelopes");
  }

  /**
   * Rule 4: only the credentials module depends on the key service and on ciphers. Catches every
   * dependency ArchUnit sees (calls, fields, signatures, annotations, catch clauses). Cannot catch
   * reflection or {@code java.security} primitives outside {@code javax.crypto} (MessageDigest).
   */
  static ArchRule onlyCredentialsUsesKmsAndCiphers(String root) {
    return noClasses().that().resideInAPackage(root + "..")
        .and().resideOutsideOfPackage(root + ".credentials..")
        .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk.services.kms..", "javax.crypto..")
        .as("only " + root + ".credentials.. uses KMS (software.amazon.awssdk.services.kms..) and ciphers"
            + " (javax.crypto..)")
        .because("key material is handled in one module, where it is wiped and audited; anywhere else a data key"
            + " or a decryption would bypass the vault");
  }

  /**
   * Rule 5: nothing outside the app — the connector API, plugins, simulators, anything else under
   * the root — depends on an app package: the root package itself, {@code credentials},
   * {@code audit} and every other module the app has ({@code appModules}, read from the app's own
   * classes so that a new module is covered without editing this rule).
   */
  static ArchRule nothingOutsideTheAppReachesIt(String root, Set<String> appModules) {
    Set<String> modules = new TreeSet<>(appModules);
    modules.add("credentials");
    modules.add("audit");
    String[] appPackages =
        Stream.concat(Stream.of(root), modules.stream().map(m -> root + "." + m + "..")).toArray(String[]::new);
    return noClasses().that().resideInAPackage(root + "..")
        .and().resideOutsideOfPackages(appPackages)
        .should().dependOnClassesThat().resideInAnyPackage(appPackages)
        .as("nothing outside the app (connector API, plugins, simulators) depends on the app's packages "
            + String.join(", ", appPackages))
        .because("a plugin that reached the vault, the audit trail or any app module could read secrets or"
            + " records the host keeps from it; plugins get credentials only through CredentialAccess");
  }

  /** Whether an access is a call of, or a method reference to, {@code SecretValue.reveal}. */
  static boolean isReveal(JavaAccess<?> access, String root) {
    return access instanceof JavaCodeUnitAccess
        && access.getTargetOwner().getName().equals(secretValue(root))
        && access.getName().equals("reveal");
  }

  /** Every call and method reference in a code unit, lambdas included. */
  static Stream<JavaCodeUnitAccess<?>> callsAndReferences(JavaCodeUnit unit) {
    return Stream.concat(unit.getCallsFromSelf().stream(), unit.getCodeUnitReferencesFromSelf().stream());
  }

  /** A Jdbi SqlObject: an interface whose methods carry Jdbi's SQL annotations, or that extends SqlObject. */
  static boolean isSqlObject(JavaClass type) {
    return type.isInterface()
        && (type.isAssignableTo(JDBI_SQL_OBJECT)
            || type.getAllMethods().stream().anyMatch(m -> JDBI_SQL_ANNOTATIONS.stream().anyMatch(m::isAnnotatedWith)));
  }

  private static ArchCondition<JavaClass> notAccessReveal(String root) {
    return new ArchCondition<>("not call or reference " + secretValue(root) + ".reveal()") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        List<JavaCodeUnitAccess<?>> reveals =
            type.getCodeUnits().stream()
                .flatMap(SecretRules::callsAndReferences)
                .filter(access -> isReveal(access, root))
                .collect(Collectors.toList());
        for (JavaCodeUnitAccess<?> reveal : reveals) {
          events.add(SimpleConditionEvent.violated(reveal, reveal.getDescription()));
        }
      }
    };
  }
}
