package io.leadbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadbridge.auth.Role;
import io.leadbridge.simulators.hubspot.HubSpotSimulator;
import io.leadbridge.testing.Hub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Drives a hub the way tenants and operators do, for the containment tests: tenants with HubSpot
 * integrations, leads sent several at a time, deliveries read back through the API and breaker
 * states through the admin port's metrics. Thread-safe.
 */
final class LeadTraffic {

  /** How long a test waits for something the engine does in the background. */
  static final Duration WAIT = Duration.ofSeconds(60);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SENDERS = 4;

  private final Hub hub;
  private final Map<UUID, String> adminKeys = new ConcurrentHashMap<>();
  private final Map<UUID, String> writerKeys = new ConcurrentHashMap<>();

  LeadTraffic(Hub hub) {
    this.hub = hub;
  }

  /** A new tenant. */
  UUID tenant() {
    return hub.createTenant();
  }

  /** Creates a HubSpot integration of the tenant on the simulator; returns its id. */
  String hubSpot(UUID tenant, HubSpotSimulator vendor, String token) {
    HttpResponse<String> created = hub.api().postJson("/v1/integrations/third-party", admin(tenant),
        "{\"connector\":\"hubspot\",\"name\":\"CRM\",\"baseUrl\":\"" + vendor.baseUri()
            + "\",\"credentials\":{\"accessToken\":\"" + token + "\"}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Hub.json(created).get("id").asText();
  }

  /** Gives the integration a new access token, as a tenant does after fixing its private app. */
  void replaceToken(UUID tenant, String integrationId, String token) {
    HttpResponse<String> replaced = hub.api().send("PUT", "/v1/integrations/third-party/" + integrationId
        + "/credentials", admin(tenant), "application/json", "{\"accessToken\":\"" + token + "\"}");
    assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(204);
  }

  /** The integration's status as its tenant reads it ({@code active}, {@code paused}, ...). */
  String integrationStatus(UUID tenant, String integrationId) {
    return Hub.json(hub.api().get("/v1/integrations/third-party/" + integrationId, admin(tenant)))
        .get("status").asText();
  }

  /** Sends {@code count} plain leads, several at a time; returns their ids. */
  List<String> send(UUID tenant, int count) {
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    try {
      List<Future<String>> sent = IntStream.range(0, count)
          .mapToObj(i -> senders.submit(() -> send(tenant, Map.of())))
          .toList();
      List<String> ids = new ArrayList<>(count);
      for (Future<String> lead : sent) {
        ids.add(lead.get());
      }
      return ids;
    } catch (ExecutionException e) {
      throw new IllegalStateException("a lead was not accepted", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      senders.shutdownNow();
    }
  }

  /** Sends one lead with these custom fields (HubSpot property names); returns its id. */
  String send(UUID tenant, Map<String, String> customFields) {
    String unique = UUID.randomUUID().toString();
    ObjectNode lead = JSON.createObjectNode().put("externalId", "form-" + unique);
    lead.putObject("customer").put("firstName", "Dana").put("lastName", "Reyes")
        .putArray("emails").add("dana-" + unique + "@example.com");
    lead.putArray("vehicles").addObject().put("year", 2021).put("make", "Honda").put("model", "Accord");
    if (!customFields.isEmpty()) {
      ObjectNode fields = lead.putObject("customFields");
      customFields.forEach(fields::put);
    }
    HttpRequest request = HttpRequest.newBuilder(hub.api().uri("/v1/leads"))
        .header("Authorization", "Bearer " + writer(tenant))
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", unique)
        .POST(HttpRequest.BodyPublishers.ofString(lead.toString()))
        .build();
    HttpResponse<String> accepted = hub.api().send(request);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    return Hub.json(accepted).get("id").asText();
  }

  /** The lead's delivery to one integration, as its tenant reads it. */
  JsonNode delivery(UUID tenant, String leadId, String integrationId) {
    for (JsonNode delivery : Hub.json(hub.api().get("/v1/leads/" + leadId, admin(tenant))).get("deliveries")) {
      if (delivery.get("integrationId").asText().equals(integrationId)) {
        return delivery;
      }
    }
    throw new AssertionError("lead " + leadId + " has no delivery to integration " + integrationId);
  }

  /** Every delivery of the tenant in this status to this integration, through the operators' list. */
  List<JsonNode> deliveries(UUID tenant, String integrationId, String status) {
    List<JsonNode> found = new ArrayList<>();
    String cursor = "";
    do {
      JsonNode page = Hub.json(hub.api().get("/v1/deliveries?limit=200&status=" + status + "&tenantId=" + tenant
          + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8), hub.operatorKey()));
      page.get("items").forEach(item -> {
        if (item.get("integrationId").asText().equals(integrationId)) {
          found.add(item);
        }
      });
      cursor = page.path("nextCursor").asText("");
    } while (!cursor.isEmpty());
    return found;
  }

  int count(UUID tenant, String integrationId, String status) {
    return deliveries(tenant, integrationId, status).size();
  }

  /** The integration's breaker as the admin port's gauge shows it: 0 closed, 1 half-open, 2 open, -1 none yet. */
  int breaker(String integrationId) {
    JsonNode gauge = Hub.json(hub.admin().get("/metrics", null)).path("gauges")
        .path("delivery.hubspot.integration." + integrationId + ".breaker");
    return gauge.path("value").asInt(-1);
  }

  /**
   * Another system using the same HubSpot token (the tenant's other tools share its private app's
   * limits): {@code count} reads that count against the token's limits.
   */
  static void neighbourCalls(HubSpotSimulator vendor, String token, int count) {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest read = HttpRequest.newBuilder(vendor.baseUri().resolve("/crm/v3/objects/contacts?limit=1"))
        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build();
    for (int i = 0; i < count; i++) {
      try {
        assertThat(client.send(read, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** The Leadbridge lead ids of the vendor's contacts. */
  static Set<String> leadIdsAt(HubSpotSimulator vendor) {
    return vendor.contacts().stream().map(c -> c.property("leadbridge_lead_id").orElse(""))
        .filter(Predicate.not(String::isEmpty)).collect(Collectors.toSet());
  }

  static void await(String what, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(WAIT);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waited for: " + what).isBefore(deadline);
      sleep(Duration.ofMillis(100));
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(Math.max(0, duration.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void sleepUntil(Instant instant) {
    sleep(Duration.between(Instant.now(), instant));
  }

  private String admin(UUID tenant) {
    return adminKeys.computeIfAbsent(tenant, t -> hub.tenantKey(t, Role.TENANT_ADMIN));
  }

  private String writer(UUID tenant) {
    return writerKeys.computeIfAbsent(tenant, t -> hub.tenantKey(t, Role.TENANT_WRITER));
  }
}
