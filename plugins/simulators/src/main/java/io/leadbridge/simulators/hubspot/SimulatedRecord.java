package io.leadbridge.simulators.hubspot;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A snapshot of one stored CRM record (contact or deal) as the simulator holds it, for test assertions. Immutable. */
public record SimulatedRecord(
    String id,
    Map<String, String> properties,
    Instant createdAt,
    Instant updatedAt,
    List<SimulatedAssociation> associations) {

  public SimulatedRecord {
    properties = Map.copyOf(properties);
    associations = List.copyOf(associations);
  }

  public Optional<String> property(String name) {
    return Optional.ofNullable(properties.get(name));
  }
}
