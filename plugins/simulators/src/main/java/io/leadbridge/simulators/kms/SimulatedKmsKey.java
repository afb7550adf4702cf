package io.leadbridge.simulators.kms;

/** A key the fake holds, as tests refer to it (id and ARN; the material never leaves the fake). Immutable. */
public record SimulatedKmsKey(String keyId, String arn) {}
