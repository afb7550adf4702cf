package io.leadbridge.connector.api.mail;

/**
 * The SMTP relay did not accept a mail. Checked, for the same reason as
 * {@link io.leadbridge.connector.api.http.VendorHttpException}. Its state is fixed when it is
 * created, so it is safe to read from any thread.
 *
 * <p>{@link #permanent()} tells a 5xx refusal (the address does not exist, the message is refused:
 * retrying the same mail will not help; for a bad address, {@code authFailed} pauses the
 * integration until the tenant fixes it) from a transient one (4xx, timeout, no connection, the
 * call's deadline: {@code retryable}). The message names the SMTP reply code at most, never the
 * address or the content.
 */
public final class VendorMailException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Whether the relay refused for good. */
    private final boolean permanent;

    /**
     * @param message   what happened, without address or content
     * @param permanent whether the relay refused for good (an SMTP 5xx reply)
     * @param cause     the underlying exception, or {@code null}
     */
    public VendorMailException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    /** @return whether the relay refused for good, so retrying the same mail will not help */
    public boolean permanent() {
        return permanent;
    }
}
