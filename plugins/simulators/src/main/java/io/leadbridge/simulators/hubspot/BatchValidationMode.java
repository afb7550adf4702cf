package io.leadbridge.simulators.hubspot;

/** How batch writes treat an input with invalid properties; a knob because HubSpot's exact choice is unverified. Immutable. */
public enum BatchValidationMode {
  /** Valid inputs are written, invalid ones reported in a 207 (400 when every input is invalid). */
  PARTIAL,
  /** One invalid input fails the whole batch with a 400 and nothing is written. */
  ALL_OR_NOTHING
}
