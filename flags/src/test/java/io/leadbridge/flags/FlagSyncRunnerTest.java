package io.leadbridge.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Checks the command-line-agnostic sync entry: outcomes, output, and that the token never shows.
 * Not shared between threads.
 */
class FlagSyncRunnerTest {

  private static final URI LOCAL = URI.create("http://127.0.0.1:4242");
  private static final String TOKEN = "*:*.runner-test-secret-token";
  private final FakeUnleashAdminApi server = new FakeUnleashAdminApi("default", "development");
  private final FlagSyncRunner runner = new FlagSyncRunner(FlagCatalog.standard(), request -> server);
  private final StringWriter output = new StringWriter();

  @Test
  void aDryRunShowsThePlanAndChangesNothing() {
    SyncOutcome outcome = run(new FlagSyncRequest(LOCAL, TOKEN, null, null, true, false));

    assertThat(outcome).isEqualTo(SyncOutcome.CHANGES_PLANNED);
    assertThat(server.flags).isEmpty();
    assertThat(output.toString()).contains("(dry run)", "+ connector.hubspot", "Dry run: nothing was changed.");
  }

  @Test
  void applyThenUpToDate() {
    FlagSyncRequest apply = new FlagSyncRequest(LOCAL, TOKEN, "default",
        "development", false, false);

    assertThat(run(apply)).isEqualTo(SyncOutcome.CHANGES_APPLIED);
    assertThat(output.toString()).contains("Applied: created 2, revived 0, updated 0, set up 0, archived 0.");
    assertThat(run(apply)).isEqualTo(SyncOutcome.UP_TO_DATE);
  }

  @Test
  void aFailureIsReportedWithoutTheToken() {
    SyncOutcome outcome = run(new FlagSyncRequest(LOCAL, TOKEN, "nope",
        "development", false, false));

    assertThat(outcome).isEqualTo(SyncOutcome.FAILED);
    assertThat(output.toString()).contains("Flag sync failed: project 'nope' does not exist");
  }

  @Test
  void theTokenNeverAppears() {
    FlagSyncRequest request = new FlagSyncRequest(LOCAL, TOKEN, null, null, false, true);
    run(request);

    assertThat(request.toString()).doesNotContain(TOKEN).contains("adminToken=****");
    assertThat(output.toString()).doesNotContain(TOKEN);
  }

  @Test
  void projectAndEnvironmentDefault() {
    FlagSyncRequest request = new FlagSyncRequest(LOCAL, TOKEN, " ", null, true, false);
    assertThat(request.project()).isEqualTo("default");
    assertThat(request.environment()).isEqualTo("development");
  }

  private SyncOutcome run(FlagSyncRequest request) {
    return runner.run(request, new PrintWriter(output));
  }
}
