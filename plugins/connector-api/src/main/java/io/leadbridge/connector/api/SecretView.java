package io.leadbridge.connector.api;

/**
 * A revealed secret, valid only during one {@link SecretFunction#apply} call; exists so that a
 * secret lives in wipeable arrays rather than an immutable {@code String}. Implemented by the
 * host; use it from the calling thread only.
 *
 * <p>When the call ends the host zeroes the arrays this view returned and every method throws
 * {@link IllegalStateException}. {@code toString()} never shows the value.
 */
public interface SecretView {

    /** @return the number of characters in the secret */
    int length();

    /**
     * @return the secret's characters: the host's own buffer, zeroed when the call ends; do not
     *         keep it or copy it anywhere that outlives the call
     * @throws IllegalStateException after the call has ended
     */
    char[] chars();

    /**
     * @return the secret encoded as UTF-8, in a buffer zeroed when the call ends
     * @throws IllegalStateException after the call has ended
     */
    byte[] utf8();
}
