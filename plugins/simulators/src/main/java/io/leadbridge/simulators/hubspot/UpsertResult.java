package io.leadbridge.simulators.hubspot;

/** A record after an upsert and whether the upsert created it (HubSpot's {@code new} flag). Immutable. */
record UpsertResult(SimulatedRecord record, boolean created) {}
