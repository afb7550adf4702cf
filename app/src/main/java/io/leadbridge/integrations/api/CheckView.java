package io.leadbridge.integrations.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer of {@code POST …/check}: whether the vendor accepted the connection, and why not. Immutable. */
public record CheckView(boolean ok, @Schema(nullable = true) String detail) {}
