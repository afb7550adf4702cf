package io.leadbridge.integrations.api;

import io.leadbridge.credentials.SecretValue;
import jakarta.validation.Valid;

/**
 * {@code PUT /v1/integrations/internal/{id}/credentials}: the whole auth flow with its secrets and
 * the signing secret, replaced at once (a partial update would keep a stale secret). Write-only.
 * Immutable.
 */
public record ReplaceInternalCredentialsRequest(@Valid AuthRequest auth, SecretValue signingSecret) {}
