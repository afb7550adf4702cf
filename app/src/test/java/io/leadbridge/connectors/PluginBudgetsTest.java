package io.leadbridge.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeApplication;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.lead.LeadRecord;
import io.leadbridge.testing.ConnectorSource;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.HubTest;
import io.leadbridge.testing.Leads;
import io.leadbridge.testing.PluginJar;
import io.leadbridge.testing.Poll;
import io.leadbridge.testing.TestApps;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each plugin call is measured on its thread — CPU time, allocated bytes — against its connector's
 * budget: a call that spins or hoards past it is ended like a timeout (interrupted, its result not
 * used, a retryable outcome with an error id), the next call runs normally, the per-connector
 * metrics count it all, and breaches in a row quarantine the plugin like Errors do. Not thread-safe
 * (JUnit runs its tests one at a time).
 */
@ParameterizedClass
@EnumSource(value = Db.class, names = "H2")
class PluginBudgetsTest extends HubTest {

  private static final CallTarget TARGET = CallTarget.of(UUID.randomUUID(), UUID.randomUUID(), Map.of());

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.appWithPlugins(db, plugins(),
        ConfigOverride.config("connectors.containment.quarantineAfter", "3"),
        ConfigOverride.config("connectors.containment.budgets.spender.cpuTime", "300ms"),
        ConfigOverride.config("connectors.containment.budgets.spender.allocated", "64MiB"),
        ConfigOverride.config("connectors.containment.budgets.hog.allocated", "16MiB"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"spin", "hoard"})
  void aCallOverItsBudgetIsEndedLikeATimeoutAndTheNextCallRuns(String mode) {
    LeadRecord greedy = Leads.lead().customField("mode", mode).build();
    LeadRecord modest = Leads.lead().build();
    try (ConnectorLease lease = registry().started("spender", soon()).orElseThrow()) {
      assertThat(lease.deliver(TARGET, List.of(greedy))).singleElement().satisfies(outcome -> {
        assertThat(outcome).isInstanceOf(DeliveryOutcome.Retryable.class);
        assertThat(((DeliveryOutcome.Retryable) outcome).reason()).matches("connector spender 1\\.0\\.0 failed \\(errorId [0-9a-f]{16}\\)");
      });
      assertThat(lease.deliver(TARGET, List.of(modest))).containsExactly(DeliveryOutcome.created("spent-" + modest.leadId()));
    }
    MetricRegistry metrics = app().getEnvironment().metrics();
    assertThat(metrics.counter("connectors.calls;connector=spender").getCount()).isGreaterThanOrEqualTo(2);
    assertThat(metrics.counter("connectors.errors;connector=spender").getCount()).isGreaterThanOrEqualTo(1);
    assertThat(metrics.counter("connectors.cpu_ms;connector=spender").getCount()).isPositive();
    assertThat((Double) metrics.getGauges().get("connectors.allocated_mib;connector=spender").getValue()).isPositive();
  }

  @Test
  void callsOverBudgetInARowQuarantineThePlugin() {
    for (int i = 0; i < 3; i++) {
      try (ConnectorLease lease = registry().started("hog", soon()).orElseThrow()) {
        assertThat(lease.deliver(TARGET, List.of(Leads.lead().customField("mode", "hoard").build())))
            .singleElement().isInstanceOf(DeliveryOutcome.Retryable.class);
      }
    }

    Poll.until("hog quarantined", Duration.ofSeconds(10), () -> registry().isQuarantined("hog"));
    assertThat(registry().plugins()).filteredOn(status -> status.file().equals("hog.jar")).singleElement()
        .satisfies(status -> assertThat(status.cause().orElseThrow())
            .startsWith("quarantined: 3 calls in a row ended in an Error or over budget (the last: OverBudget: the call allocated more than 16 MiB"));
  }

  private ConnectorRegistry registry() {
    return ((LeadbridgeApplication) app().getApplication()).connectors();
  }

  private static Instant soon() {
    return Instant.now().plusSeconds(30);
  }

  private static Path plugins() {
    Path dir = TestApps.tempDir();
    PluginJar.of(spender("spender")).writeTo(dir, "spender.jar");
    PluginJar.of(spender("hog")).writeTo(dir, "hog.jar");
    return dir;
  }

  /** Spins the CPU or hoards memory, until interrupted, when a lead's mode says so. */
  private static ConnectorSource spender(String id) {
    return ConnectorSource.connector(id, "1.0.0")
        .members("static final List<long[]> HOARD = new ArrayList<>();")
        .deliverBody("""
            List<DeliveryOutcome> outcomes = new ArrayList<>();
            for (LeadRecord lead : batch) {
              String mode = lead.customFields().getOrDefault("mode", "");
              long spins = 0;
              while (!mode.isEmpty() && !Thread.currentThread().isInterrupted()) {
                if (mode.equals("hoard")) {
                  HOARD.add(new long[1 << 20]);
                  if (HOARD.size() > 64) {
                    HOARD.clear();
                  }
                  try {
                    Thread.sleep(5);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                } else {
                  spins++;
                }
              }
              HOARD.clear();
              outcomes.add(DeliveryOutcome.created("spent-" + lead.leadId() + (spins < 0 ? "" : "")));
            }
            return outcomes;""");
  }
}
