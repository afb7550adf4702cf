package io.leadbridge.flags;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the generated bootstrap against the catalog and the client-features format. Not shared
 * between threads.
 */
class BootstrapGeneratorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theBuiltResourceIsWhatTheCatalogProduces() throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(BootstrapGenerator.RESOURCE)) {
      assertThat(in).as("the build generates %s in process-classes", BootstrapGenerator.RESOURCE).isNotNull();
      String built = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(built).isEqualTo(BootstrapGenerator.render(FlagCatalog.standard()));
    }
  }

  @Test
  void everyCatalogFlagIsOnForAllTenantsByTenantStickiness() throws IOException {
    FlagCatalog catalog = FlagCatalog.standard();
    JsonNode root = JSON.readTree(BootstrapGenerator.render(catalog));

    assertThat(root.path("version").asInt()).isEqualTo(2);
    assertThat(root.path("features")).hasSize(catalog.flags().size());
    for (JsonNode feature : root.path("features")) {
      String name = feature.path("name").asText();
      assertThat(catalog.find(name)).as(name).isPresent();
      assertThat(feature.path("enabled").asBoolean()).as(name).isTrue();
      assertThat(feature.path("type").asText()).isEqualTo("permission");
      JsonNode strategy = feature.path("strategies").get(0);
      assertThat(strategy.path("name").asText()).isEqualTo("flexibleRollout");
      assertThat(strategy.path("parameters").path("rollout").asText()).isEqualTo("100");
      assertThat(strategy.path("parameters").path("stickiness").asText()).isEqualTo("userId");
      assertThat(strategy.path("parameters").path("groupId").asText()).isEqualTo(name);
    }
  }

  @Test
  void renderingIsStable() {
    String first = BootstrapGenerator.render(FlagCatalog.standard());
    assertThat(BootstrapGenerator.render(FlagCatalog.standard())).isEqualTo(first);
    assertThat(first).endsWith("}\n").doesNotContain("\r");
  }

  @Test
  void writeCreatesTheDirectory(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("nested/flags/bootstrap.json");
    BootstrapGenerator.main(new String[] {file.toString()});
    assertThat(Files.readString(file)).isEqualTo(BootstrapGenerator.render(FlagCatalog.standard()));
  }
}
