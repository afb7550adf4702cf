package io.leadbridge.connectors.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The host's private copies of the plugin jars, one per content hash, in a directory only the host
 * writes. A plugin's class loader reads its copy, never the operator's file, so an operator can
 * overwrite or delete a jar at any time without breaking the version still finishing its calls.
 * Thread-safe: every copy is a new file with a name of its own.
 */
final class JarCopies {

  private final Path directory;

  private JarCopies(Path directory) {
    this.directory = directory;
  }

  /** A new, empty store in a temporary directory. */
  static JarCopies createTemporary() {
    try {
      return new JarCopies(Files.createTempDirectory("leadbridge-plugins-"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the directory for plugin jar copies", e);
    }
  }

  /** A copy of a jar and the SHA-256 of what was copied; immutable. */
  record Copy(Path path, String sha256) {}

  /** The SHA-256 of a file's content, in hex. */
  static String sha256(Path file) throws IOException {
    MessageDigest digest = newDigest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * Copies a jar to a file of its own, hashing exactly the bytes copied (the operator's file may
   * change meanwhile).
   */
  Copy copy(Path jar) throws IOException {
    MessageDigest digest = newDigest();
    Path target = Files.createTempFile(directory, "plugin-", ".jar");
    try (InputStream in = new DigestInputStream(Files.newInputStream(jar), digest)) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      delete(target);
      throw e;
    }
    return new Copy(target, HexFormat.of().formatHex(digest.digest()));
  }

  /** Deletes one copy; a copy still open elsewhere stays readable there until it is closed. */
  void delete(Path copy) {
    try {
      Files.deleteIfExists(copy);
    } catch (IOException e) {
      // A copy left behind is deleted with the directory when the host stops.
    }
  }

  /** Deletes every copy and the directory. */
  void deleteAll() {
    try (DirectoryStream<Path> copies = Files.newDirectoryStream(directory)) {
      for (Path copy : copies) {
        delete(copy);
      }
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      // Temporary files; the operating system cleans its temporary directory eventually.
    }
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
