package io.leadbridge.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher's walk over the due list, on a list in memory: pages move on round the whole list
 * so every due integration is looked at within (due ÷ page size) looks, and inside a page tenants
 * take turns. Each test owns its rotation.
 */
class DueRotationTest {

  private final List<DueIntegration> due = new ArrayList<>();

  private DueIntegration due(UUID tenant) {
    DueIntegration integration = new DueIntegration(UUID.randomUUID(), "internal", tenant, "webhook", Instant.EPOCH);
    due.add(integration);
    due.sort(Comparator.comparing(d -> d.integrationId().toString()));
    return integration;
  }

  /** The due list in the databases' id order (unsigned bytes: as the UUIDs' text sorts). */
  private List<DueIntegration> after(UUID after, int limit) {
    return due.stream().filter(d -> after.equals(DueRotation.START)
            || d.integrationId().toString().compareTo(after.toString()) > 0)
        .limit(limit).toList();
  }

  @Test
  void everyDueIntegrationIsLookedAtWithinDueDividedByPageLooksHoweverTheListIsOrdered() {
    UUID tenant = UUID.randomUUID();
    for (int i = 0; i < 2_000; i++) {
      due(tenant);
    }
    DueRotation rotation = new DueRotation(500);

    List<UUID> looked = new ArrayList<>();
    for (int look = 0; look < 4; look++) {
      rotation.next(this::after).forEach(d -> looked.add(d.integrationId()));
    }

    assertThat(looked).doesNotHaveDuplicates().hasSize(2_000);
  }

  @Test
  void insideAPageTenantsTakeTurns() {
    UUID many = UUID.randomUUID();
    UUID few = UUID.randomUUID();
    for (int i = 0; i < 6; i++) {
      due(many);
    }
    DueIntegration fewFirst = due(few);
    DueIntegration fewSecond = due(few);

    List<DueIntegration> page = new DueRotation(10).next(this::after);

    assertThat(page).hasSize(8);
    assertThat(page.subList(0, 4)).extracting(DueIntegration::tenantId).containsOnly(many, few);
    assertThat(page.subList(0, 4)).contains(fewFirst, fewSecond);
  }

  @Test
  void aShortListIsReadWholeEachLookWithoutRepeats() {
    UUID tenant = UUID.randomUUID();
    for (int i = 0; i < 3; i++) {
      due(tenant);
    }
    DueRotation rotation = new DueRotation(500);

    assertThat(rotation.next(this::after)).hasSize(3).doesNotHaveDuplicates();
    assertThat(rotation.next(this::after)).hasSize(3).doesNotHaveDuplicates();
  }
}
