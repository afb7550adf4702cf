package io.leadbridge.connector.api.http;

/**
 * No connection to the vendor could be made or kept (DNS, refused, reset, TLS). Its state is fixed
 * when it is created, so it is safe to read from any thread.
 */
public final class VendorConnectionException extends VendorHttpException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, with method and path at most
     * @param cause   the underlying exception, or {@code null}
     */
    public VendorConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
