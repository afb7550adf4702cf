package io.leadbridge.connector.api;

/**
 * The callback of {@link CredentialAccess#withSecret}: the only place a plugin holds a secret.
 * Implementations are the plugin's; they run on the calling thread only.
 *
 * @param <T> what the function returns (which must not be or contain the secret)
 * @param <X> what the function may throw; inferred as {@link RuntimeException} when it throws no
 *            checked exception
 */
@FunctionalInterface
public interface SecretFunction<T, X extends Exception> {

    /**
     * @param secret the revealed value, valid only during this call
     * @return the result
     * @throws X if the function fails
     */
    T apply(SecretView secret) throws X;
}
