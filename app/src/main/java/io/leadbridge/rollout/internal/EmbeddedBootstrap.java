package io.leadbridge.rollout.internal;

import io.getunleash.repository.ToggleBootstrapProvider;
import io.leadbridge.flags.BootstrapGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads the flags module's generated {@code flags/bootstrap.json} from the class path. Exists
 * because the SDK's {@code ToggleBootstrapFileProvider("classpath:...")} fails for a resource inside
 * a jar (LIBRARY-NOTES §1.3). Stateless and thread-safe.
 */
public final class EmbeddedBootstrap implements ToggleBootstrapProvider {

  @Override
  public Optional<String> read() {
    try (InputStream in = EmbeddedBootstrap.class.getClassLoader().getResourceAsStream(BootstrapGenerator.RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(BootstrapGenerator.RESOURCE + " is not on the class path: the flags jar is missing");
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + BootstrapGenerator.RESOURCE, e);
    }
  }
}
