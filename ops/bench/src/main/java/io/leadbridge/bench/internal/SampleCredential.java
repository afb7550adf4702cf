package io.leadbridge.bench.internal;

import io.leadbridge.credentials.SecretValue;
import java.util.Map;

/**
 * The credential every benchmark opens: a CRM access token and a client id, about 100 bytes of
 * plaintext once encoded, like a typical connector credential. Fake values, never a real secret.
 * Stateless and thread-safe.
 */
public final class SampleCredential {

  public static final String TOKEN_FIELD = "accessToken";
  public static final int TOKEN_BYTES = 56;

  private SampleCredential() {}

  /** The fields of the {@code n}-th sample credential (values differ per {@code n}). */
  public static Map<String, SecretValue> fields(int n) {
    String token = String.format("pat-sim-bench-%042d", n);
    return Map.of(TOKEN_FIELD, SecretValue.of(token), "clientId", SecretValue.of(String.format("bench-client-%04d", n)));
  }
}
