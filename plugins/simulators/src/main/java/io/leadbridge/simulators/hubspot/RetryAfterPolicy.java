package io.leadbridge.simulators.hubspot;

/** Which 429s carry a Retry-After header; a knob because HubSpot's CRM behaviour is unverified (§1.6). Immutable. */
public enum RetryAfterPolicy {
  NEVER,
  TEN_SECONDLY_ONLY,
  ALL_RATE_LIMITS
}
