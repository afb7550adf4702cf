package io.leadbridge.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.HubTest;
import io.leadbridge.testing.TestApps;
import jakarta.ws.rs.Path;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The complete auth matrix, generated from the running app's Jersey resource model: every
 * endpoint must have an entry here, so an endpoint added later without one fails the build. Runs on
 * each database; not thread-safe (JUnit runs its tests one at a time).
 */
@ParameterizedClass
@EnumSource(Db.class)
public class AuthMatrixTest extends HubTest {

  private static final String TENANT_BODY = "{\"name\":\"M\",\"slug\":\"%s\"}";
  private static final String KEY_BODY = "{\"role\":\"TENANT_WRITER\",\"label\":\"m\"}";
  private static final Set<Role> TENANT_ROLES = EnumSet.of(Role.TENANT_ADMIN, Role.TENANT_WRITER);

  /** The keys and tenants the matrix runs with. */
  protected record Fixture(Hub hub, UUID tenantA, UUID tenantB, Map<Role, String> keysOfA, String revokedKey) {}

  /** How one endpoint is called and who may call it. */
  private record Entry(
      Set<Role> allowed,
      Function<Fixture, String> path,
      Function<Fixture, String> body,
      Function<Fixture, String> foreignPath) {
    boolean isPublic() {
      return allowed == null;
    }
  }

  private static final Map<String, Entry> MATRIX = new LinkedHashMap<>();

  static {
    MATRIX.put("GET /openapi.json", new Entry(null, f -> "/openapi.json", null, null));
    MATRIX.put("GET /v1/me", new Entry(EnumSet.allOf(Role.class), f -> "/v1/me", null, null));
    MATRIX.put("POST /v1/tenants", operator(f -> "/v1/tenants", f -> String.format(TENANT_BODY, slug()), null));
    MATRIX.put("GET /v1/tenants", operator(f -> "/v1/tenants", null, null));
    MATRIX.put("GET /v1/tenants/{tenantId}",
        operator(f -> "/v1/tenants/" + f.tenantA(), null, f -> "/v1/tenants/" + UUID.randomUUID()));
    MATRIX.put("DELETE /v1/tenants/{tenantId}",
        operator(f -> "/v1/tenants/" + f.hub().createTenant(), null, f -> "/v1/tenants/" + UUID.randomUUID()));
    MATRIX.put("POST /v1/tenants/{tenantId}/api-keys",
        operator(f -> "/v1/tenants/" + f.tenantA() + "/api-keys", f -> KEY_BODY,
            f -> "/v1/tenants/" + UUID.randomUUID() + "/api-keys"));
    MATRIX.put("GET /v1/tenants/{tenantId}/api-keys",
        operator(f -> "/v1/tenants/" + f.tenantA() + "/api-keys", null,
            f -> "/v1/tenants/" + UUID.randomUUID() + "/api-keys"));
    MATRIX.put("GET /v1/plugins", operator(f -> "/v1/plugins", null, null));
    MATRIX.put("GET /v1/operator-keys", operator(f -> "/v1/operator-keys", null, null));
    MATRIX.put("DELETE /v1/operator-keys/{keyId}",
        operator(f -> "/v1/operator-keys/" + f.hub().mintOperatorKey("matrix", Clock.systemUTC(), Optional.empty())
            .apiKey().id(), null, f -> "/v1/operator-keys/" + keyIdOf(f, f.tenantA())));
    MATRIX.put("POST /v1/plugins/reload", operator(f -> "/v1/plugins/reload", null, null));
    MATRIX.put("DELETE /v1/tenants/{tenantId}/api-keys/{keyId}",
        operator(
            f -> "/v1/tenants/" + f.tenantA() + "/api-keys/" + keyIdOf(f, f.tenantA()),
            null,
            f -> "/v1/tenants/" + f.tenantA() + "/api-keys/" + keyIdOf(f, f.tenantB())));
    MATRIX.put("GET /v1/audit", operator(f -> "/v1/audit?tenantId=" + f.tenantA(), null, null));
    // Tenant admins see what their tenant may use, operators every started connector and its flag.
    MATRIX.put("GET /v1/connectors",
        new Entry(EnumSet.of(Role.TENANT_ADMIN, Role.OPERATOR), f -> "/v1/connectors", null, null));
    MATRIX.put("POST /v1/integrations/third-party",
        tenantAdmin(f -> "/v1/integrations/third-party", f -> "{\"connector\":\"hubspot\",\"name\":\"x\"}", null));
    MATRIX.put("GET /v1/integrations/third-party", tenantAdmin(f -> "/v1/integrations/third-party", null, null));
    MATRIX.put("GET /v1/integrations/third-party/{id}", tenantAdmin(f -> thirdParty(), null, f -> thirdParty()));
    MATRIX.put("PATCH /v1/integrations/third-party/{id}",
        tenantAdmin(f -> thirdParty(), f -> "{\"name\":\"x\"}", f -> thirdParty()));
    MATRIX.put("DELETE /v1/integrations/third-party/{id}", tenantAdmin(f -> thirdParty(), null, f -> thirdParty()));
    MATRIX.put("PUT /v1/integrations/third-party/{id}/credentials",
        tenantAdmin(f -> thirdParty() + "/credentials", f -> "{\"accessToken\":\"x\"}", f -> thirdParty() + "/credentials"));
    MATRIX.put("POST /v1/integrations/third-party/{id}/check",
        tenantAdmin(f -> thirdParty() + "/check", null, f -> thirdParty() + "/check"));
    MATRIX.put("POST /v1/integrations/internal",
        tenantAdmin(f -> "/v1/integrations/internal", f -> "{\"name\":\"x\"}", null));
    MATRIX.put("GET /v1/integrations/internal", tenantAdmin(f -> "/v1/integrations/internal", null, null));
    MATRIX.put("GET /v1/integrations/internal/{id}", tenantAdmin(f -> internal(), null, f -> internal()));
    MATRIX.put("PATCH /v1/integrations/internal/{id}",
        tenantAdmin(f -> internal(), f -> "{\"name\":\"x\"}", f -> internal()));
    MATRIX.put("DELETE /v1/integrations/internal/{id}", tenantAdmin(f -> internal(), null, f -> internal()));
    MATRIX.put("PUT /v1/integrations/internal/{id}/credentials",
        tenantAdmin(f -> internal() + "/credentials", f -> "{\"auth\":{\"type\":\"none\"}}",
            f -> internal() + "/credentials"));
    MATRIX.put("POST /v1/integrations/internal/{id}/check",
        tenantAdmin(f -> internal() + "/check", null, f -> internal() + "/check"));
    // Without an Idempotency-Key the allowed roles get 400: past authorization, nothing stored.
    MATRIX.put("POST /v1/leads", tenantWriter(f -> "/v1/leads", f -> "{}", null));
    MATRIX.put("GET /v1/leads", tenantWriter(f -> "/v1/leads", null, null));
    MATRIX.put("GET /v1/leads/{leadId}",
        tenantWriter(f -> "/v1/leads/" + UUID.randomUUID(), null, f -> "/v1/leads/" + UUID.randomUUID()));
    MATRIX.put("GET /v1/deliveries", operator(f -> "/v1/deliveries?status=dead", null, null));
    MATRIX.put("POST /v1/deliveries/{deliveryId}/replay",
        operator(f -> "/v1/deliveries/" + UUID.randomUUID() + "/replay", null, null));
    MATRIX.put("POST /v1/deliveries/{deliveryId}/move-to-manual-queue",
        operator(f -> "/v1/deliveries/" + UUID.randomUUID() + "/move-to-manual-queue", null, null));
    MATRIX.put("POST /v1/deliveries/held/move-to-manual-queue",
        operator(f -> "/v1/deliveries/held/move-to-manual-queue", f -> "{\"tenantId\":\"" + f.tenantA() + "\"}", null));
    MATRIX.put("GET /v1/rollout", operator(f -> "/v1/rollout", null, null));
    MATRIX.put("GET /v1/manual-queue", tenantAdmin(f -> "/v1/manual-queue", null, null));
    MATRIX.put("POST /v1/manual-queue/{deliveryId}/ack",
        tenantAdmin(f -> "/v1/manual-queue/" + UUID.randomUUID() + "/ack", null, null));
  }

  private static Entry operator(
      Function<Fixture, String> path, Function<Fixture, String> body, Function<Fixture, String> foreign) {
    return new Entry(EnumSet.of(Role.OPERATOR), path, body, foreign);
  }

  private static Entry tenantAdmin(
      Function<Fixture, String> path, Function<Fixture, String> body, Function<Fixture, String> foreign) {
    return new Entry(EnumSet.of(Role.TENANT_ADMIN), path, body, foreign);
  }

  /** An endpoint for the tenant's lead senders: writer and admin keys alike. */
  private static Entry tenantWriter(
      Function<Fixture, String> path, Function<Fixture, String> body, Function<Fixture, String> foreign) {
    return new Entry(EnumSet.of(Role.TENANT_WRITER, Role.TENANT_ADMIN), path, body, foreign);
  }

  /** An integration id no tenant has; another tenant's real integration is covered by the integrations tests. */
  private static String thirdParty() {
    return "/v1/integrations/third-party/" + UUID.randomUUID();
  }

  /** An internal integration id no tenant has; real cross-tenant ids are covered by the integrations tests. */
  private static String internal() {
    return "/v1/integrations/internal/" + UUID.randomUUID();
  }

  private static String slug() {
    return "m-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String keyIdOf(Fixture f, UUID tenant) {
    return f.hub().createKey(tenant, Role.TENANT_WRITER).get("id").asText();
  }

  private Fixture fixture;

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.app(db);
  }

  private synchronized Fixture fixture() {
    if (fixture == null) {
      Hub hub = hub();
      UUID a = hub.createTenant();
      UUID b = hub.createTenant();
      Map<Role, String> keys = new LinkedHashMap<>();
      keys.put(Role.OPERATOR, hub.operatorKey());
      for (Role role : TENANT_ROLES) {
        keys.put(role, hub.tenantKey(a, role));
      }
      var revoked = hub.createKey(a, Role.TENANT_ADMIN);
      HttpResponse<String> revoke =
          hub.api().delete("/v1/tenants/" + a + "/api-keys/" + revoked.get("id").asText(), hub.operatorKey());
      assertThat(revoke.statusCode()).isEqualTo(204);
      fixture = new Fixture(hub, a, b, keys, revoked.get("key").asText());
    }
    return fixture;
  }

  @Test
  void everyEndpointHasAMatrixEntryAndEveryEntryAnEndpoint() {
    Set<String> endpoints = endpoints();
    assertThat(endpoints)
        .as("endpoints without an auth-matrix entry: add one to AuthMatrixTest.MATRIX")
        .isSubsetOf(MATRIX.keySet());
    assertThat(MATRIX.keySet()).as("matrix entries without an endpoint").isSubsetOf(endpoints);
  }

  @TestFactory
  Stream<DynamicTest> unauthenticatedCallsAre401() {
    List<DynamicTest> tests = new ArrayList<>();
    for (var e : protectedEntries()) {
      String endpoint = e.getKey();
      Entry entry = e.getValue();
      for (String credential : badCredentials()) {
        tests.add(DynamicTest.dynamicTest(endpoint + " with " + describe(credential), () -> {
          HttpResponse<String> r = call(endpoint, entry, credential);
          assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
          assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
          assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        }));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> wrongRolesAre403AndRightRolesPass() {
    List<DynamicTest> tests = new ArrayList<>();
    for (var e : protectedEntries()) {
      String endpoint = e.getKey();
      Entry entry = e.getValue();
      for (Role role : Role.values()) {
        boolean allowed = entry.allowed().contains(role);
        tests.add(DynamicTest.dynamicTest(endpoint + " as " + role, () -> {
          HttpResponse<String> r = call(endpoint, entry, fixture().keysOfA().get(role));
          if (allowed) {
            assertThat(r.statusCode()).as(r.body()).isNotIn(401, 403).isLessThan(500);
          } else {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
            assertThat(Hub.json(r).get("code").asText()).isEqualTo("forbidden");
          }
        }));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> anotherTenantsObjectIs404() {
    return MATRIX.entrySet().stream()
        .filter(e -> e.getValue().foreignPath() != null)
        .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
          Entry entry = e.getValue();
          Role role = entry.allowed().iterator().next();
          String method = e.getKey().substring(0, e.getKey().indexOf(' '));
          String body = entry.body() == null ? null : entry.body().apply(fixture());
          HttpResponse<String> r = fixture().hub().api().send(
              method, entry.foreignPath().apply(fixture()), fixture().keysOfA().get(role),
              body == null ? null : "application/json", body);
          assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
        }));
  }

  @Test
  void publicEndpointsNeedNoKey() {
    MATRIX.forEach((endpoint, entry) -> {
      if (entry.isPublic()) {
        assertThat(call(endpoint, entry, null).statusCode()).as(endpoint).isEqualTo(200);
      }
    });
  }

  private List<Map.Entry<String, Entry>> protectedEntries() {
    return MATRIX.entrySet().stream().filter(e -> !e.getValue().isPublic()).toList();
  }

  private List<String> badCredentials() {
    String unknown = ApiKeys.mint().key();
    return java.util.Arrays.asList(
        null,
        "Bearer not-a-key",
        "Bearer lb_zz_zz",
        "Basic dXNlcjpwYXNz",
        "Bearer " + unknown,
        "Bearer " + fixture().revokedKey(),
        "Bearer " + fixture().keysOfA().get(Role.TENANT_ADMIN).substring(0, 40) + "0".repeat(63));
  }

  private String describe(String credential) {
    if (credential == null) {
      return "no key";
    }
    if (credential.contains(fixture().revokedKey())) {
      return "a revoked key";
    }
    return credential.length() > 30 ? "an unknown or altered key" : "a malformed key";
  }

  private HttpResponse<String> call(String endpoint, Entry entry, String credential) {
    String method = endpoint.substring(0, endpoint.indexOf(' '));
    String body = entry.body() == null ? null : entry.body().apply(fixture());
    return fixture().hub().api().send(
        method, entry.path().apply(fixture()), credential, body == null ? null : "application/json", body);
  }

  /** Every (method, path template) the running app serves, read from Jersey's resource model. */
  private Set<String> endpoints() {
    var config = app().getEnvironment().jersey().getResourceConfig();
    Set<Class<?>> classes = new java.util.LinkedHashSet<>(config.getClasses());
    config.getSingletons().forEach(s -> classes.add(s.getClass()));
    Set<String> endpoints = new TreeSet<>();
    for (Class<?> c : classes) {
      if (c.isAnnotationPresent(Path.class)) {
        collect(Resource.from(c), "", endpoints);
      }
    }
    return endpoints;
  }

  private static void collect(Resource resource, String parent, Set<String> into) {
    String path = join(parent, resource.getPath());
    for (ResourceMethod m : resource.getResourceMethods()) {
      into.add(m.getHttpMethod() + " " + path);
    }
    for (Resource child : resource.getChildResources()) {
      collect(child, path, into);
    }
  }

  private static String join(String parent, String path) {
    if (path == null || path.isEmpty()) {
      return parent;
    }
    String p = path.startsWith("/") ? path : "/" + path;
    String joined = (parent + p).replaceAll("/+", "/");
    return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
  }
}
