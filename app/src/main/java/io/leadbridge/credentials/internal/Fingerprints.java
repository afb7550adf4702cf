package io.leadbridge.credentials.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Keyed digests under keys derived from a tenant's data key, so equal values are recognisable
 * without being guessable: the fingerprint the API shows for a credential (the first 8 hex digits)
 * and the digests that recognise a shopper arriving twice. Stateless and thread-safe.
 */
public final class Fingerprints {

  private static final byte[] LABEL = "leadbridge credential fingerprint v1".getBytes(StandardCharsets.US_ASCII);

  private Fingerprints() {}

  /** What tells digests of lead data from credential fingerprints: another key from the same data key. */
  private static final byte[] DIGEST_LABEL = "leadbridge lead digest v1".getBytes(StandardCharsets.US_ASCII);

  /** The full HMAC-SHA256, in hex, of a value under the data key's digest key. */
  public static String digest(byte[] dataKey, String value) {
    byte[] digestKey = HmacSha256.of(dataKey, DIGEST_LABEL);
    byte[] mac = HmacSha256.of(digestKey, value.getBytes(StandardCharsets.UTF_8));
    Arrays.fill(digestKey, (byte) 0);
    return HexFormat.of().formatHex(mac);
  }

  public static String of(byte[] dataKey, byte[] plaintext) {
    byte[] fingerprintKey = HmacSha256.of(dataKey, LABEL);
    byte[] mac = HmacSha256.of(fingerprintKey, plaintext);
    Arrays.fill(fingerprintKey, (byte) 0);
    return HexFormat.of().formatHex(mac, 0, 4);
  }
}
