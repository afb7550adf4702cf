package io.leadbridge.tenants.api;

import java.util.UUID;

/**
 * Body of {@code GET /v1/me}: the calling key and its tenant (null for operator keys); immutable.
 */
public record MeView(UUID keyId, String role, TenantView tenant) {}
