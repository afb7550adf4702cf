package io.leadbridge.simulators.hubspot;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The portal's private apps: which bearer tokens are valid and which app id each belongs to. Thread-safe. */
final class PrivateApps {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Long> appIdByToken = new ConcurrentHashMap<>();
  private final AtomicLong nextAppId;

  PrivateApps(long firstAppId) {
    this.nextAppId = new AtomicLong(firstAppId);
  }

  /** A fresh token in a shape no real HubSpot token has, so it can never be mistaken for one. */
  static String randomToken() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return "pat-sim-" + HexFormat.of().formatHex(bytes);
  }

  String add(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("A token must not be blank");
    }
    appIdByToken.computeIfAbsent(token, ignored -> nextAppId.getAndIncrement());
    return token;
  }

  void revoke(String token) {
    appIdByToken.remove(token);
  }

  Optional<Long> appIdOf(String token) {
    return Optional.ofNullable(appIdByToken.get(token));
  }
}
