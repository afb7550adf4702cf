package io.leadbridge.connector.api;

/**
 * The integration's credentials, as far as a plugin may see them; exists so that a secret is
 * decrypted only at the moment it is used and never kept. Implemented by the host; thread-safe.
 *
 * <p>Prefer not to see a secret at all: ask the host to put it into a request with
 * {@link io.leadbridge.connector.api.http.VendorRequest.Builder#bearerCredential},
 * {@link io.leadbridge.connector.api.http.VendorRequest.Builder#headerCredential},
 * {@link io.leadbridge.connector.api.http.VendorRequest.Builder#basicCredential} or
 * {@link io.leadbridge.connector.api.http.VendorRequest.Builder#formCredential}. Use
 * {@link #withSecret} only when the value itself is needed, for example to sign a JWT.
 *
 * <p>Every reveal is recorded in the host's audit trail (the field name, never the value).
 */
public interface CredentialAccess {

    /**
     * @param field a credential field the descriptor declares
     * @return whether the tenant has set a value for it
     * @throws IllegalArgumentException if the descriptor declares no such credential field
     */
    boolean isSet(String field);

    /**
     * Reveals a credential to {@code function} and wipes it when the function returns or throws.
     * The {@link SecretView} is valid only during the call: do not keep it, its arrays or anything
     * made from them (no {@code String}, no field, no log line).
     *
     * @param field    a credential field the descriptor declares
     * @param function what to do with the value; runs on the calling thread
     * @param <T>      what the function returns (which must not be or contain the secret)
     * @param <X>      what the function may throw
     * @return what the function returned
     * @throws X                               what the function threw
     * @throws IllegalArgumentException        if the descriptor declares no such credential field
     * @throws CredentialUnavailableException  if the value is not set or cannot be decrypted now
     */
    <T, X extends Exception> T withSecret(String field, SecretFunction<T, X> function) throws X;
}
