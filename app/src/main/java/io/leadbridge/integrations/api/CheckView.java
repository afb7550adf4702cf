package io.leadbridge.integrations.api;

/** The answer of {@code POST …/check}: whether the vendor accepted the connection, and why not. Immutable. */
public record CheckView(boolean ok, String detail) {}
