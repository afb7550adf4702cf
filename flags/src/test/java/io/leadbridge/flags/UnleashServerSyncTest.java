package io.leadbridge.flags;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the sync against a REAL unleash-server 8.2.0 (ops/unleash/start, one server for the class).
 * The steps build on each other, so they run in order. Not thread-safe.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(60)
class UnleashServerSyncTest {

  private static final String PROJECT = LocalUnleashAdmin.PROJECT;
  private static final String ENVIRONMENT = LocalUnleashAdmin.ENVIRONMENT;
  private static final String SERVER_ONLY = "legacy.made-in-the-ui";

  /** One server for the class; only -Dleadbridge.unleash.skip=true skips the tests, a missing tool fails them. */
  @RegisterExtension
  static final LocalUnleashServerExtension UNLEASH = new LocalUnleashServerExtension();

  @Test
  @Order(1)
  void aDryRunShowsEveryFlagMissingAndChangesNothing() throws Exception {
    StringWriter output = new StringWriter();

    SyncOutcome outcome = run(FlagCatalog.standard(), true, false, output);

    assertThat(outcome).isEqualTo(SyncOutcome.CHANGES_PLANNED);
    assertThat(output.toString()).contains("+ connector.hubspot", "+ connector.example", "2 to create",
        "Dry run: nothing was changed.");
    assertThat(liveFlagNames()).isEmpty();
  }

  @Test
  @Order(2)
  void applyCreatesEveryFlagClosedForTenants() throws Exception {
    assertThat(run(FlagCatalog.standard(), false, false, new StringWriter()))
        .isEqualTo(SyncOutcome.CHANGES_APPLIED);

    assertThat(liveFlagNames()).containsExactlyInAnyOrder("connector.hubspot", "connector.example");
    for (String name : List.of("connector.hubspot", "connector.example")) {
      JsonNode development = environment(name, ENVIRONMENT);
      assertThat(development.path("enabled").asBoolean()).as(name).isTrue();
      assertThat(development.path("strategies")).hasSize(1);
      JsonNode strategy = development.path("strategies").get(0);
      assertThat(strategy.path("name").asText()).isEqualTo("flexibleRollout");
      assertThat(strategy.path("parameters").path("rollout").asText()).as("closed for tenants").isEqualTo("0");
      assertThat(strategy.path("parameters").path("stickiness").asText()).isEqualTo("userId");
      JsonNode production = environment(name, "production");
      assertThat(production.path("enabled").asBoolean()).as("other environments untouched").isFalse();
      assertThat(production.path("strategies")).isEmpty();
    }
  }

  @Test
  @Order(3)
  void theSecondPlanIsEmptyAndTheSecondApplyChangesNothing() {
    assertThat(sync(FlagCatalog.standard()).plan().isEmpty()).isTrue();
    assertThat(run(FlagCatalog.standard(), false, true, new StringWriter())).isEqualTo(SyncOutcome.UP_TO_DATE);
  }

  @Test
  @Order(4)
  void aRolloutDecisionMadeInUnleashSurvivesTheSync() throws Exception {
    UNLEASH.server().admin().switchFlag("connector.example", false);

    assertThat(run(FlagCatalog.standard(), false, false, new StringWriter())).isEqualTo(SyncOutcome.UP_TO_DATE);
    assertThat(environment("connector.example", ENVIRONMENT).path("enabled").asBoolean()).isFalse();
  }

  @Test
  @Order(5)
  void aServerOnlyFlagSurvivesApplyWithoutPrune() throws Exception {
    UNLEASH.server().admin().call("POST", "/api/admin/projects/" + PROJECT + "/features",
        "{\"name\":\"" + SERVER_ONLY + "\",\"type\":\"release\",\"description\":\"made in the UI\"}");
    StringWriter output = new StringWriter();

    assertThat(run(FlagCatalog.standard(), false, false, output)).isEqualTo(SyncOutcome.UP_TO_DATE);

    assertThat(output.toString()).contains("= " + SERVER_ONLY);
    assertThat(liveFlagNames()).contains(SERVER_ONLY);
  }

  @Test
  @Order(6)
  void pruneArchivesTheServerOnlyFlag() throws Exception {
    assertThat(run(FlagCatalog.standard(), false, true, new StringWriter()))
        .isEqualTo(SyncOutcome.CHANGES_APPLIED);

    assertThat(liveFlagNames()).containsExactlyInAnyOrder("connector.hubspot", "connector.example");
    assertThat(archivedFlagNames()).containsExactly(SERVER_ONLY);
    assertThat(sync(FlagCatalog.standard()).plan().isEmpty()).isTrue();
  }

  @Test
  @Order(7)
  void aPrunedFlagThatReturnsToTheCatalogIsRevived() throws Exception {
    List<FlagDefinition> flags = new ArrayList<>(FlagCatalog.standard().flags());
    flags.add(ConnectorFlags.connector("retired", "Retired CRM"));
    FlagCatalog withRetired = new FlagCatalog(flags);
    assertThat(run(withRetired, false, false, new StringWriter())).isEqualTo(SyncOutcome.CHANGES_APPLIED);
    assertThat(run(FlagCatalog.standard(), false, true, new StringWriter()))
        .isEqualTo(SyncOutcome.CHANGES_APPLIED);
    assertThat(archivedFlagNames()).contains("connector.retired");

    SyncPlan plan = sync(withRetired).plan();
    assertThat(plan.toRevive()).extracting(FlagDefinition::name).containsExactly("connector.retired");
    assertThat(plan.toCreate()).isEmpty();
    sync(withRetired).apply(plan, false);

    assertThat(liveFlagNames()).contains("connector.retired");
    assertThat(environment("connector.retired", ENVIRONMENT).path("enabled").asBoolean()).isFalse();
    assertThat(sync(withRetired).plan().isEmpty()).isTrue();
  }

  private static SyncOutcome run(FlagCatalog catalog, boolean dryRun, boolean prune, StringWriter output) {
    FlagSyncRequest request = new FlagSyncRequest(UNLEASH.server().url(), LocalUnleashServer.ADMIN_TOKEN, PROJECT,
        ENVIRONMENT, dryRun, prune);
    SyncOutcome outcome = new FlagSyncRunner(catalog).run(request, new PrintWriter(output));
    assertThat(output.toString()).doesNotContain(LocalUnleashServer.ADMIN_TOKEN).doesNotContain("failed");
    return outcome;
  }

  private static FlagSync sync(FlagCatalog catalog) {
    return new FlagSync(catalog, admin(), PROJECT, ENVIRONMENT);
  }

  private static List<String> liveFlagNames() {
    return names(admin().liveFlags(PROJECT, ENVIRONMENT));
  }

  private static List<String> archivedFlagNames() {
    return names(admin().archivedFlags(PROJECT, ENVIRONMENT));
  }

  private static HttpUnleashAdminClient admin() {
    return new HttpUnleashAdminClient(UNLEASH.server().url(), LocalUnleashServer.ADMIN_TOKEN);
  }

  private static List<String> names(List<ServerFlag> flags) {
    return flags.stream().map(ServerFlag::name).toList();
  }

  private static JsonNode environment(String flag, String environment) {
    return UNLEASH.server().admin().environment(flag, environment);
  }
}
