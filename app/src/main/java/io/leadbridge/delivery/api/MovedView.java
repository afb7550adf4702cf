package io.leadbridge.delivery.api;

/** How many deliveries an operator's bulk action moved; immutable. */
public record MovedView(int moved) {}
