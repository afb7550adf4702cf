package io.leadbridge.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API key format {@code lb_<keyId>_<secret>}: minting, parsing and hashing; thread-safe.
 *
 * <p>The key id is the key's UUID as 32 hex digits, so lookups need no secret; the secret is 256
 * random bits as 64 hex digits. Only the SHA-256 of the secret is stored: the secret's entropy
 * makes a slow password hash unnecessary, and comparisons are constant-time.
 */
public final class ApiKeys {

  private static final Pattern FORMAT = Pattern.compile("lb_([0-9a-f]{32})_([0-9a-f]{64})");
  private static final int SECRET_BYTES = 32;
  private static final HexFormat HEX = HexFormat.of();
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeys() {}

  /** A freshly minted key: the full key (shown once) and the hash to store. */
  public record MintedKey(UUID keyId, String key, String secretHash) {
    @Override
    public String toString() {
      return "MintedKey[keyId=" + keyId + "]";
    }
  }

  /** A key as presented by a caller, split into its public id and its secret. */
  public record PresentedKey(UUID keyId, String secret) {
    @Override
    public String toString() {
      return "PresentedKey[keyId=" + keyId + "]";
    }
  }

  /** Mints a new key with a random id and secret. */
  public static MintedKey mint() {
    UUID keyId = UUID.randomUUID();
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(secret);
    String secretHex = HEX.formatHex(secret);
    String key = "lb_" + compact(keyId) + "_" + secretHex;
    return new MintedKey(keyId, key, hash(secretHex));
  }

  /** Splits a presented key; empty when it does not have the key format. */
  public static Optional<PresentedKey> parse(String presented) {
    if (presented == null) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(presented);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new PresentedKey(expand(m.group(1)), m.group(2)));
  }

  /** Whether a presented secret matches a stored hash, in time independent of where they differ. */
  public static boolean matches(String secret, String storedHash) {
    return MessageDigest.isEqual(
        hash(secret).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }

  static String hash(String secretHex) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HEX.formatHex(sha.digest(secretHex.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  private static String compact(UUID id) {
    return id.toString().replace("-", "");
  }

  private static UUID expand(String hex32) {
    return new UUID(
        Long.parseUnsignedLong(hex32.substring(0, 16), 16),
        Long.parseUnsignedLong(hex32.substring(16), 16));
  }
}
