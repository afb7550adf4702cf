package io.leadbridge.credentials.internal;

import io.leadbridge.credentials.CredentialDecryptionException;
import io.leadbridge.credentials.CredentialException.KeyServiceUnavailableException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * KEKs kept in owner-only files under a key directory, for the embedded default and development;
 * the same contract as KMS. Thread-safe: key files are created atomically and cached.
 *
 * <p>A key id is {@code local:<name>}, its file {@code <name>.key} (32 random bytes). A wrapped key
 * is {@code "LBKW" | 1 | nonce(12) | AES-GCM(kek, dataKey)}, with associated data naming the key and
 * the tenant, so a wrapped key moved to another tenant does not unwrap.
 */
public final class LocalKeyProvider implements KeyProvider {

  private static final String PREFIX = "local:";
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final byte[] MAGIC = {'L', 'B', 'K', 'W', 1};
  private static final int NONCE_BYTES = AesGcm.NONCE_BYTES;
  private static final int WRAPPED_BYTES = MAGIC.length + NONCE_BYTES + 32 + AesGcm.TAG_BYTES;
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

  private final Path directory;
  private final String currentKeyId;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

  /** Opens the directory and creates the current key's file on first use. */
  public LocalKeyProvider(Path directory, String currentKeyName) {
    this.directory = directory.toAbsolutePath();
    this.currentKeyId = resolve(currentKeyName);
    key(currentKeyId, true);
  }

  @Override
  public String kind() {
    return "local";
  }

  @Override
  public String currentKeyId() {
    return currentKeyId;
  }

  @Override
  public NewDataKey generateDataKey(UUID tenantId) {
    byte[] dataKey = new byte[32];
    random.nextBytes(dataKey);
    return new NewDataKey(dataKey, new WrappedDataKey(wrap(currentKeyId, tenantId, dataKey), currentKeyId));
  }

  @Override
  public byte[] unwrap(UUID tenantId, String keyId, byte[] wrapped) {
    if (wrapped == null || wrapped.length != WRAPPED_BYTES || !Arrays.equals(wrapped, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new CredentialDecryptionException();
    }
    String canonical = resolve(keyId);
    return AesGcm.decrypt(key(canonical, false), wrapped, MAGIC.length, context(canonical, tenantId));
  }

  @Override
  public WrappedDataKey rewrap(UUID tenantId, String keyId, byte[] wrapped, String targetKeyId) {
    String target = resolve(targetKeyId);
    key(target, true);
    byte[] dataKey = unwrap(tenantId, keyId, wrapped);
    try {
      return new WrappedDataKey(wrap(target, tenantId, dataKey), target);
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  @Override
  public String resolve(String keyReference) {
    String name = keyReference.startsWith(PREFIX) ? keyReference.substring(PREFIX.length()) : keyReference;
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a local key name is 1-63 lowercase letters, digits or '-'");
    }
    return PREFIX + name;
  }

  @Override
  public void probe() {
    key(currentKeyId, false);
  }

  @Override
  public void close() {
    keys.values().forEach(k -> Arrays.fill(k, (byte) 0));
    keys.clear();
  }

  private byte[] wrap(String keyId, UUID tenantId, byte[] dataKey) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed = AesGcm.encrypt(key(keyId, false), nonce, context(keyId, tenantId), dataKey);
    return ByteBuffer.allocate(WRAPPED_BYTES).put(MAGIC).put(nonce).put(sealed).array();
  }

  private static byte[] context(String keyId, UUID tenantId) {
    return (keyId + "\n{\"tenant\":\"" + tenantId + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  private byte[] key(String keyId, boolean createIfMissing) {
    return keys.computeIfAbsent(keyId, id -> load(id.substring(PREFIX.length()), createIfMissing));
  }

  private byte[] load(String name, boolean createIfMissing) {
    Path file = directory.resolve(name + ".key");
    try {
      if (createIfMissing && !Files.exists(file)) {
        create(file);
      }
      if (!Files.exists(file)) {
        throw new KeyServiceUnavailableException("local key " + name + " does not exist", null);
      }
      requireOwnerOnly(file);
      byte[] key = Files.readAllBytes(file);
      if (key.length != 32) {
        Arrays.fill(key, (byte) 0);
        throw new KeyServiceUnavailableException("local key " + name + " is not a 256-bit key file", null);
      }
      return key;
    } catch (IOException e) {
      throw new KeyServiceUnavailableException("local key " + name + " cannot be read", e);
    }
  }

  private void create(Path file) throws IOException {
    boolean posix = Files.getFileStore(existingAncestor(directory)).supportsFileAttributeView(PosixFileAttributeView.class);
    if (!Files.isDirectory(directory)) {
      if (posix) {
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
      } else {
        Files.createDirectories(directory);
      }
    }
    byte[] key = new byte[32];
    random.nextBytes(key);
    try {
      Path created = posix
          ? Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
          : Files.createFile(file);
      Files.write(created, key);
    } catch (FileAlreadyExistsException raced) {
      // Another process created it first; its key is the one to use.
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static void requireOwnerOnly(Path file) throws IOException {
    if (!Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
      return;
    }
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
    if (!OWNER_ONLY_FILE.containsAll(permissions)) {
      throw new KeyServiceUnavailableException(
          "local key file " + file.getFileName() + " is readable by others; make it owner-only (chmod 600)", null);
    }
  }

  private static Path existingAncestor(Path path) {
    Path current = path;
    while (current != null && !Files.exists(current)) {
      current = current.getParent();
    }
    return current == null ? Path.of(".").toAbsolutePath() : current;
  }
}
