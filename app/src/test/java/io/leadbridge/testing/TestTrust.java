package io.leadbridge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The allowlist test hubs admit plugin jars by, as an operator keeps one: a file beside (never
 * inside) the plugins directory, to which every jar a test builds or copies in is added, so test
 * plugins load as they would once trusted; a test that wants a jar refused writes it without
 * listing it. Thread-safe (appends are synchronized).
 */
public final class TestTrust {

  private TestTrust() {}

  /** The allowlist file of a plugins directory: {@code <dir>.trusted} beside it. */
  public static Path allowlistOf(Path pluginsDirectory) {
    Path absolute = pluginsDirectory.toAbsolutePath();
    return absolute.resolveSibling(absolute.getFileName() + ".trusted");
  }

  /** Lists the jar's content hash in the allowlist of {@code pluginsDirectory}. */
  public static synchronized void allow(Path pluginsDirectory, Path jar) {
    try {
      String line = sha256(Files.readAllBytes(jar)) + "  " + jar.getFileName() + "\n";
      Files.writeString(allowlistOf(pluginsDirectory), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The SHA-256 of some bytes, in hex, as the hub computes it. */
  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
