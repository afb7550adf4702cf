package io.leadbridge.credentials.internal;

/**
 * The vault's key generation as a node reads it; immutable.
 *
 * @param generation raised by every key change in the vault
 * @param allTenantsSince the generation of the last change of every tenant's keys
 */
public record KeyGeneration(long generation, long allTenantsSince) {}
