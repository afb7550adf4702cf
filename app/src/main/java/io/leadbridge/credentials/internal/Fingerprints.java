package io.leadbridge.credentials.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The fingerprint the API shows for a credential: the first 8 hex digits of an HMAC-SHA256 of its
 * plaintext under a key derived from the tenant's data key, so equal values are recognisable
 * without being guessable. Stateless and thread-safe.
 */
public final class Fingerprints {

  private static final byte[] LABEL = "leadbridge credential fingerprint v1".getBytes(StandardCharsets.US_ASCII);

  private Fingerprints() {}

  public static String of(byte[] dataKey, byte[] plaintext) {
    try {
      byte[] fingerprintKey = hmac(dataKey, LABEL);
      byte[] mac = hmac(fingerprintKey, plaintext);
      Arrays.fill(fingerprintKey, (byte) 0);
      return HexFormat.of().formatHex(mac, 0, 4);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data);
  }
}
