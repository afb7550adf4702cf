package io.leadbridge.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the dry-run diff a person reads. Not shared between threads. */
class PlanRendererTest {

  private final FlagDefinition hubspot = FlagCatalog.standard().find("connector.hubspot").orElseThrow();
  private final FlagDefinition example = FlagCatalog.standard().find("connector.example").orElseThrow();

  @Test
  void showsEveryKindOfChange() {
    SyncPlan plan = new SyncPlan("default", "development",
        List.of(example),
        List.of(),
        List.of(new MetadataChange(hubspot, new ServerFlag("connector.hubspot", "release", "old", true))),
        List.of(),
        List.of("legacy.flag"));

    String kept = render(plan, false);
    assertThat(kept)
        .contains("Unleash project 'default', environment 'development':")
        .contains("+ connector.example", "create: permission, flexibleRollout 0% by userId, environment on")
        .contains("~ connector.hubspot", "type: release -> permission")
        .contains("- \"old\"", "+ \"" + hubspot.serverDescription() + "\"")
        .contains("= legacy.flag", "kept (prune archives it)")
        .contains("1 to create, 0 to revive, 1 to update, 0 to set up, 1 only on the server (keep)");

    assertThat(render(plan, true)).contains("- legacy.flag", "only on the server: archive");
  }

  @Test
  void saysSoWhenNothingDiffers() {
    SyncPlan plan = new SyncPlan("default", "development", List.of(), List.of(), List.of(), List.of(),
        List.of());
    assertThat(render(plan, false)).contains("no changes: the server matches the catalog");
  }

  private static String render(SyncPlan plan, boolean prune) {
    StringWriter text = new StringWriter();
    try (PrintWriter out = new PrintWriter(text)) {
      PlanRenderer.render(plan, prune, out);
    }
    return text.toString();
  }
}
