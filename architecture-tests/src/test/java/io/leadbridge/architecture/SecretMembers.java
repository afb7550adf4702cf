package io.leadbridge.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The parts of {@link SecretRules#noSecretsInDaosMappersOrApiTypes}: which classes are DAOs, row
 * mappers, API representations or JAX-RS resources, and where a secret type may hide in them.
 * Stateless.
 *
 * <p>A member "holds" a secret when its declared type mentions {@code SecretValue} or
 * {@code OpenedCredential} anywhere, generics and arrays included ({@code Map<String,
 * SecretValue>}, {@code Optional<OpenedCredential>}, {@code SecretValue[]}). Checked:
 * <ul>
 *   <li>a SqlObject DAO, a row or column mapper, a class in an {@code ..api..} package: every
 *       field, parameter and return type;</li>
 *   <li>a JAX-RS resource: the parameters and return type of its resource methods (HTTP method
 *       or {@code @Path} annotated);</li>
 *   <li>except that what comes in (resource method parameters, {@code ..api..*Request} types and
 *       what they carry) may hold a {@code SecretValue}: credentials are written through the API,
 *       and Jackson reads a SecretValue but never writes one. An {@code OpenedCredential} may
 *       never come in or go out;</li>
 *   <li>and the fields of every type under the root that these carry (a DAO's or resource
 *       method's parameter and return types, a representation's field types), transitively.</li>
 * </ul>
 * Cannot see a secret passed as {@code String}, {@code byte[]} or {@code Object}: types are all
 * bytecode has.
 */
final class SecretMembers {

  private static final List<String> MAPPERS =
      List.of("org.jdbi.v3.core.mapper.RowMapper", "org.jdbi.v3.core.mapper.ColumnMapper");
  private static final List<String> RESOURCE_METHOD_ANNOTATIONS =
      Stream.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "Path")
          .map(name -> "jakarta.ws.rs." + name)
          .toList();

  private final String root;
  private final Set<String> secretTypes;

  SecretMembers(String root) {
    this.root = root;
    this.secretTypes = Set.of(SecretRules.secretValue(root), SecretRules.openedCredential(root));
  }

  DescribedPredicate<JavaClass> daosMappersApiTypesOrResources() {
    return DescribedPredicate.describe(
        "are Jdbi DAOs, row or column mappers, API representations (" + root + "..api..) or JAX-RS resources",
        type -> type.getPackageName().startsWith(root + ".") && (isStorageOrApiType(type) || isResource(type)));
  }

  ArchCondition<JavaClass> notHoldSecrets() {
    return new ArchCondition<>("not hold a SecretValue or OpenedCredential, nor carry a type that does") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        Set<JavaClass> carriedOut = new HashSet<>();
        Set<JavaClass> carriedIn = new HashSet<>();
        if (isStorageOrApiType(type)) {
          boolean incoming = isRequestType(type);
          for (JavaField field : type.getFields()) {
            report(type, field.getDescription(), field.getType(), incoming, events);
            (incoming ? carriedIn : carriedOut).addAll(rawTypes(field.getType()));
          }
          for (JavaCodeUnit unit : type.getCodeUnits()) {
            checkSignature(type, unit, incoming, events);
            if (!isApiType(type)) {
              carriedOut.addAll(signatureTypes(unit));
            }
          }
        }
        for (JavaMethod method : resourceMethods(type)) {
          method.getParameters().forEach(p -> {
            report(type, p.getDescription(), p.getType(), true, events);
            carriedIn.addAll(rawTypes(p.getType()));
          });
          report(type, "Return type of " + method.getDescription(), method.getReturnType(), false, events);
          carriedOut.addAll(rawTypes(method.getReturnType()));
        }
        checkCarried(type, carriedOut, false, events);
        checkCarried(type, carriedIn, true, events);
      }
    };
  }

  private boolean isStorageOrApiType(JavaClass type) {
    return SecretRules.isSqlObject(type) || MAPPERS.stream().anyMatch(type::isAssignableTo) || isApiType(type);
  }

  private boolean isApiType(JavaClass type) {
    return (type.getPackageName() + ".").contains(".api.") && type.getPackageName().startsWith(root + ".");
  }

  /**
   * A write-only request body ({@code ..api..*Request}): it may carry a {@link SecretValue} in,
   * which Jackson can read but never write, but never a decrypted {@code OpenedCredential}.
   */
  private boolean isRequestType(JavaClass type) {
    return isApiType(type) && type.getSimpleName().endsWith("Request");
  }

  private static boolean isResource(JavaClass type) {
    return type.isAnnotatedWith("jakarta.ws.rs.Path") || !resourceMethods(type).isEmpty();
  }

  private static List<JavaMethod> resourceMethods(JavaClass type) {
    return type.getMethods().stream()
        .filter(m -> m.isMetaAnnotatedWith("jakarta.ws.rs.HttpMethod")
            || RESOURCE_METHOD_ANNOTATIONS.stream().anyMatch(m::isAnnotatedWith))
        .toList();
  }

  private void checkSignature(JavaClass owner, JavaCodeUnit unit, boolean incoming, ConditionEvents events) {
    unit.getParameters().forEach(p -> report(owner, p.getDescription(), p.getType(), incoming, events));
    report(owner, "Return type of " + unit.getDescription(), unit.getReturnType(), incoming, events);
  }

  /** Walks the fields of the carried types under the root, and of the types those fields carry. */
  private void checkCarried(JavaClass owner, Set<JavaClass> carried, boolean incoming, ConditionEvents events) {
    Set<JavaClass> seen = new HashSet<>(Set.of(owner));
    Deque<JavaClass> todo = new ArrayDeque<>(carried);
    while (!todo.isEmpty()) {
      JavaClass next = todo.pop();
      if (!next.getPackageName().startsWith(root + ".") || secretTypes.contains(next.getName()) || !seen.add(next)) {
        continue;
      }
      for (JavaField field : next.getFields()) {
        report(owner, "carried type " + next.getName() + ": " + field.getDescription(), field.getType(), incoming, events);
        todo.addAll(rawTypes(field.getType()));
      }
    }
  }

  /** Incoming request bodies may hold a SecretValue (write-only); nothing may hold an OpenedCredential. */
  private void report(JavaClass owner, String member, JavaType type, boolean incoming, ConditionEvents events) {
    secretIn(type)
        .filter(secret -> !(incoming && secret.equals(SecretRules.secretValue(root))))
        .ifPresent(secret -> events.add(SimpleConditionEvent.violated(owner, String.format(
            "%s holds %s: %s", owner.getDescription(), secret, member))));
  }

  private Optional<String> secretIn(JavaType type) {
    return rawTypes(type).stream().map(JavaClass::getName).filter(secretTypes::contains).findFirst();
  }

  private static Set<JavaClass> signatureTypes(JavaCodeUnit unit) {
    Set<JavaClass> types = new HashSet<>(rawTypes(unit.getReturnType()));
    unit.getParameterTypes().forEach(t -> types.addAll(rawTypes(t)));
    return types;
  }

  /** Every class a declared type mentions: type arguments, bounds and array components included. */
  private static Set<JavaClass> rawTypes(JavaType type) {
    Set<JavaClass> types = new HashSet<>();
    for (JavaClass raw : type.getAllInvolvedRawTypes()) {
      types.add(raw.isArray() ? raw.getBaseComponentType() : raw);
    }
    return types;
  }
}
