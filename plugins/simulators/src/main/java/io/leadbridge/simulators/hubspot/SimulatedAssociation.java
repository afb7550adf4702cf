package io.leadbridge.simulators.hubspot;

/** One association stored on a simulated record (e.g. deal→contact type 3), for test assertions. Immutable. */
public record SimulatedAssociation(
    String toObjectType, String toId, String associationCategory, int associationTypeId) {}
