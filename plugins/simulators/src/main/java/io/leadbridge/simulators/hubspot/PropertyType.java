package io.leadbridge.simulators.hubspot;

/** The property types whose values the simulator validates the way HubSpot does. Immutable. */
enum PropertyType {
  TEXT,
  EMAIL,
  ENUMERATION
}
