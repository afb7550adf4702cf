package io.leadbridge.connector.api.http;

/**
 * The vendor did not answer in time, the call's deadline passed, or the calling thread was
 * interrupted. The vendor may have acted on the request. Its state is fixed when it is created, so
 * it is safe to read from any thread.
 */
public final class VendorTimeoutException extends VendorHttpException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what timed out, with method and path at most
     * @param cause   the underlying exception, or {@code null}
     */
    public VendorTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
