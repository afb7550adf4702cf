package io.leadbridge.simulators.hubspot;

/** The HubSpot rate-limit policies a request can run into, with their 429 messages (§1.6, §1.3). Immutable. */
enum RateLimitPolicy {
  TEN_SECONDLY_ROLLING("You have reached your ten_secondly_rolling limit."),
  DAILY("You have reached your daily limit."),
  SECONDLY("You have reached your secondly limit.");

  private final String message;

  RateLimitPolicy(String message) {
    this.message = message;
  }

  String message() {
    return message;
  }
}
