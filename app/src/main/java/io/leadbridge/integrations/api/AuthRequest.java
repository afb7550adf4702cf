package io.leadbridge.integrations.api;

import io.leadbridge.credentials.SecretValue;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A webhook's auth flow as a request gives it, secrets included (write-only: they go to the vault
 * and never come back). Which fields apply depends on {@code type}; the service checks them.
 * Immutable.
 *
 * @param type {@code none}, {@code api-key-header}, {@code basic} or {@code oauth2-client-credentials}
 * @param headerName api-key-header: the header that carries the key
 * @param apiKey api-key-header: the key (secret)
 * @param username basic: the user name
 * @param password basic: the password (secret)
 * @param tokenUrl oauth2-client-credentials: the token endpoint
 * @param clientId oauth2-client-credentials: the client id
 * @param clientSecret oauth2-client-credentials: the client secret (secret)
 * @param scopes oauth2-client-credentials: the scopes to ask for, if any
 */
public record AuthRequest(
    String type,
    String headerName,
    SecretValue apiKey,
    String username,
    SecretValue password,
    String tokenUrl,
    String clientId,
    SecretValue clientSecret,
    @Size(max = 20) List<String> scopes) {}
