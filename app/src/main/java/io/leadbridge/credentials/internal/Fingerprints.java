package io.leadbridge.credentials.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The fingerprint the API shows for a credential: the first 8 hex digits of an HMAC-SHA256 of its
 * plaintext under a key derived from the tenant's data key, so equal values are recognisable
 * without being guessable. Stateless and thread-safe.
 */
public final class Fingerprints {

  private static final byte[] LABEL = "leadbridge credential fingerprint v1".getBytes(StandardCharsets.US_ASCII);

  private Fingerprints() {}

  public static String of(byte[] dataKey, byte[] plaintext) {
    byte[] fingerprintKey = HmacSha256.of(dataKey, LABEL);
    byte[] mac = HmacSha256.of(fingerprintKey, plaintext);
    Arrays.fill(fingerprintKey, (byte) 0);
    return HexFormat.of().formatHex(mac, 0, 4);
  }
}
