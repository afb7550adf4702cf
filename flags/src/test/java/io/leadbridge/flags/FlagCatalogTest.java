package io.leadbridge.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Checks the catalog's rules, so a bad flag fails the build. Not shared between threads. */
class FlagCatalogTest {

  private final FlagCatalog catalog = FlagCatalog.standard();

  @Test
  void hasAConnectorFlagForEveryKnownPlugin() {
    assertThat(catalog.connectorPluginIds()).containsExactly("hubspot", "example");
    assertThat(catalog.connectorFlag("hubspot")).map(FlagDefinition::name).hasValue("connector.hubspot");
    assertThat(catalog.connectorFlag("example")).isPresent();
    assertThat(catalog.connectorFlag("salesforce")).isEmpty();
    assertThat(catalog.connectorFlag("Not Valid")).isEmpty();
  }

  @Test
  void everyNameFollowsTheConvention() {
    for (FlagDefinition flag : catalog.flags()) {
      assertThat(flag.name()).as("only connector flags exist so far").startsWith(ConnectorFlags.PREFIX);
      String pluginId = flag.name().substring(ConnectorFlags.PREFIX.length());
      assertThat(pluginId).matches(ConnectorFlags.PLUGIN_ID);
    }
  }

  @Test
  void noFlagIsDefinedTwice() {
    List<String> names = catalog.flags().stream().map(FlagDefinition::name).toList();
    assertThat(names).doesNotHaveDuplicates();
    FlagDefinition hubspot = ConnectorFlags.connector("hubspot", "HubSpot");
    assertThatThrownBy(() -> new FlagCatalog(List.of(hubspot, hubspot)))
        .isInstanceOf(InvalidFlagDefinitionException.class)
        .hasMessageContaining("connector.hubspot is defined twice");
  }

  @Test
  void everyDefinitionHasAnOwnerAndADescription() {
    assertThat(catalog.flags()).allSatisfy(flag -> {
      assertThat(flag.owner()).isNotBlank();
      assertThat(flag.description()).isNotBlank();
      assertThat(flag.serverDescription()).contains(flag.owner());
    });
  }

  @Test
  void connectorFlagsAreOpenInTheEmbeddedDefaultAndClosedOnANewServer() {
    assertThat(catalog.flags()).allSatisfy(flag -> {
      assertThat(flag.defaultOn()).isTrue();
      assertThat(flag.embeddedRollout()).isEqualTo(TenantRollout.allTenants());
      assertThat(flag.initialServerRollout()).isEqualTo(TenantRollout.noTenants());
    });
  }

  @Test
  void definitionsRejectBrokenRules() {
    assertThatThrownBy(() -> ConnectorFlags.connector("HubSpot", "HubSpot"))
        .isInstanceOf(InvalidFlagDefinitionException.class).hasMessageContaining("plugin id");
    assertThatThrownBy(() -> ConnectorFlags.connector("x", "too short"))
        .isInstanceOf(InvalidFlagDefinitionException.class);
    assertThatThrownBy(() -> ConnectorFlags.connector("a" + "b".repeat(41), "too long"))
        .isInstanceOf(InvalidFlagDefinitionException.class);
    assertThatThrownBy(() -> definition("connector.ok", " ", "described"))
        .isInstanceOf(InvalidFlagDefinitionException.class).hasMessageContaining("owner");
    assertThatThrownBy(() -> definition("connector.ok", "team", ""))
        .isInstanceOf(InvalidFlagDefinitionException.class).hasMessageContaining("description");
    assertThatThrownBy(() -> definition("no-dot", "team", "described"))
        .isInstanceOf(InvalidFlagDefinitionException.class).hasMessageContaining("flag name");
    assertThatThrownBy(() -> new TenantRollout(101)).isInstanceOf(InvalidFlagDefinitionException.class);
  }

  @Test
  void pluginIdsAreUniqueToo() {
    assertThat(catalog.connectorPluginIds().stream().collect(Collectors.toSet()))
        .hasSameSizeAs(catalog.connectorPluginIds());
  }

  private static FlagDefinition definition(String name, String owner, String description) {
    return new FlagDefinition(name, owner, description, FlagType.RELEASE, false,
        TenantRollout.allTenants(), TenantRollout.noTenants());
  }
}
