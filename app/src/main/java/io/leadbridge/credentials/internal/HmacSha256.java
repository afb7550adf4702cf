package io.leadbridge.credentials.internal;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256, the one MAC the vault computes (fingerprints, webhook signatures). Stateless and thread-safe. */
public final class HmacSha256 {

  private HmacSha256() {}

  /** The MAC of {@code data} under {@code key}; the caller wipes the key. */
  public static byte[] of(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
