package io.leadbridge.flags;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns the catalog into the Unleash client-features JSON (version 2) that the Unleash client reads
 * as its bootstrap when no server is configured; run at build time to put {@value #RESOURCE} into the
 * jar. Stateless and thread-safe.
 *
 * <p>Use this bootstrap only when no Unleash server is configured: it opens every connector for every
 * tenant. With a server, rely on the client's backup file, because when a server is down at first
 * start the client falls back to the bootstrap.
 */
public final class BootstrapGenerator {

  /** Class-path location of the generated bootstrap inside the flags jar. */
  public static final String RESOURCE = "flags/bootstrap.json";

  /** Fixed "\n" line ends and two-space indent: the output must not depend on the build machine. */
  private static final ObjectWriter WRITER = new ObjectMapper()
      .writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private BootstrapGenerator() {}

  /** The client-features JSON for the catalog, ending with a newline. */
  public static String render(FlagCatalog catalog) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("version", 2);
    ArrayNode features = root.putArray("features");
    catalog.flags().forEach(flag -> features.add(feature(flag)));
    try {
      return WRITER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new FlagsException("cannot render the flag bootstrap", e);
    }
  }

  /** Writes the bootstrap of the catalog to the file, creating its directory. */
  public static void write(FlagCatalog catalog, Path file) {
    try {
      Path directory = file.toAbsolutePath().getParent();
      Files.createDirectories(directory);
      Files.writeString(file, render(catalog), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the flag bootstrap to " + file, e);
    }
  }

  /** Build entry point: writes the standard catalog's bootstrap to the single path argument. */
  public static void main(String[] args) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: BootstrapGenerator <output file>");
    }
    write(FlagCatalog.standard(), Path.of(args[0]));
  }

  private static ObjectNode feature(FlagDefinition flag) {
    ObjectNode feature = JsonNodeFactory.instance.objectNode();
    feature.put("name", flag.name());
    feature.put("type", flag.type().unleashName());
    feature.put("description", flag.serverDescription());
    feature.put("enabled", flag.defaultOn());
    feature.put("stale", false);
    feature.put("impressionData", false);
    feature.putArray("strategies").add(StrategyJson.flexibleRollout(flag.name(), flag.embeddedRollout()));
    feature.putArray("variants");
    return feature;
  }
}
