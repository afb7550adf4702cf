package io.leadbridge.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the sync's decisions against an in-memory server. Not shared between threads. */
class FlagSyncTest {

  private final FakeUnleashAdminApi server = new FakeUnleashAdminApi("default", "development");
  private final FlagCatalog catalog = FlagCatalog.standard();
  private final FlagSync sync = new FlagSync(catalog, server, "default", "development");

  @Test
  void anEmptyServerGetsEveryFlagClosedForTenants() {
    SyncPlan plan = sync.plan();
    assertThat(plan.toCreate()).extracting(FlagDefinition::name)
        .containsExactly("connector.hubspot", "connector.example");

    SyncResult result = sync.apply(plan, false);

    assertThat(result.created()).containsExactly("connector.hubspot", "connector.example");
    assertThat(server.calls).containsExactly(
        "create connector.hubspot", "strategy connector.hubspot 0", "on connector.hubspot",
        "create connector.example", "strategy connector.example 0", "on connector.example");
    assertThat(server.flags.get("connector.hubspot").strategies).containsExactly(TenantRollout.noTenants());
    assertThat(server.flags.get("connector.hubspot").description)
        .isEqualTo(catalog.find("connector.hubspot").orElseThrow().serverDescription());
  }

  @Test
  void aSecondApplyChangesNothing() {
    sync.apply(sync.plan(), false);
    server.calls.clear();

    SyncPlan second = sync.plan();
    SyncResult result = sync.apply(second, true);

    assertThat(second.isEmpty()).isTrue();
    assertThat(result.changedAnything()).isFalse();
    assertThat(server.calls).isEmpty();
  }

  @Test
  void aServerOnlyFlagIsKeptUnlessPruning() {
    sync.apply(sync.plan(), false);
    server.put("legacy.flag", "release", "made in the UI").strategies.add(TenantRollout.allTenants());

    SyncPlan plan = sync.plan();
    assertThat(plan.serverOnly()).containsExactly("legacy.flag");
    assertThat(plan.hasChanges(false)).isFalse();
    assertThat(plan.hasChanges(true)).isTrue();

    assertThat(sync.apply(plan, false).archived()).isEmpty();
    assertThat(server.flags.get("legacy.flag").archived).isFalse();

    assertThat(sync.apply(sync.plan(), true).archived()).containsExactly("legacy.flag");
    assertThat(server.flags.get("legacy.flag").archived).isTrue();
    assertThat(sync.plan().isEmpty()).isTrue();
  }

  @Test
  void typeAndDescriptionFollowTheCatalog() {
    sync.apply(sync.plan(), false);
    server.flags.get("connector.hubspot").type = "release";
    server.flags.get("connector.hubspot").description = "edited in the UI";
    server.calls.clear();

    SyncPlan plan = sync.plan();
    assertThat(plan.toUpdate()).singleElement().satisfies(change -> {
      assertThat(change.typeChanges()).isTrue();
      assertThat(change.descriptionChanges()).isTrue();
    });
    sync.apply(plan, false);

    assertThat(server.calls).containsExactly("update connector.hubspot");
    assertThat(server.flags.get("connector.hubspot").type).isEqualTo("permission");
  }

  @Test
  void theRolloutBelongsToThePeopleRunningIt() {
    sync.apply(sync.plan(), false);
    FakeUnleashAdminApi.Flag hubspot = server.flags.get("connector.hubspot");
    hubspot.strategies.set(0, new TenantRollout(30));
    hubspot.enabled = false;
    server.calls.clear();

    assertThat(sync.plan().isEmpty()).isTrue();
    sync.apply(sync.plan(), true);

    assertThat(server.calls).isEmpty();
    assertThat(hubspot.strategies).containsExactly(new TenantRollout(30));
    assertThat(hubspot.enabled).isFalse();
  }

  @Test
  void aFlagWithoutStrategyInTheEnvironmentGetsTheSafeOneBeforeItIsSwitchedOn() {
    FakeUnleashAdminApi.Flag hubspot = server.put("connector.hubspot", "permission",
        catalog.find("connector.hubspot").orElseThrow().serverDescription());

    SyncPlan plan = sync.plan();
    assertThat(plan.toSetUp()).extracting(FlagDefinition::name).containsExactly("connector.hubspot");
    sync.apply(plan, false);

    assertThat(server.calls).startsWith("strategy connector.hubspot 0", "on connector.hubspot");
    assertThat(hubspot.strategies).containsExactly(TenantRollout.noTenants());
  }

  @Test
  void anArchivedCatalogFlagIsRevivedNotCreated() {
    FakeUnleashAdminApi.Flag hubspot = server.put("connector.hubspot", "release", "old text");
    hubspot.strategies.add(new TenantRollout(50));
    hubspot.archived = true;

    SyncPlan plan = sync.plan();
    assertThat(plan.toRevive()).extracting(FlagDefinition::name).containsExactly("connector.hubspot");
    assertThat(plan.toCreate()).extracting(FlagDefinition::name).containsExactly("connector.example");
    sync.apply(plan, false);

    assertThat(server.calls).startsWith("revive connector.hubspot", "update connector.hubspot");
    assertThat(hubspot.archived).isFalse();
    assertThat(hubspot.enabled).as("revived flags come back switched off").isFalse();
    assertThat(sync.plan().isEmpty()).isTrue();
  }

  @Test
  void aPlanForAnotherTargetIsRefused() {
    SyncPlan elsewhere = new SyncPlan("default", "production", List.of(), List.of(), List.of(), List.of(),
        List.of());
    assertThatThrownBy(() -> sync.apply(elsewhere, false)).isInstanceOf(FlagsException.class)
        .hasMessageContaining("production");
  }

  @Test
  void anUnknownProjectFailsBeforeAnyChange() {
    FlagSync wrong = new FlagSync(catalog, server, "nope", "development");
    assertThatThrownBy(wrong::plan).isInstanceOf(UnleashApiException.class).hasMessageContaining("nope");
    assertThat(server.calls).isEmpty();
  }
}
