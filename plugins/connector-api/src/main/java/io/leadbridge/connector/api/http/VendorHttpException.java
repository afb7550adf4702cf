package io.leadbridge.connector.api.http;

/**
 * A {@link VendorHttpClient#send} that produced no response to interpret; the subclass says why.
 * Checked, because every vendor call can fail this way and the plugin must decide what it means
 * for each record. The message never holds a URL query, header value or body. Its state is fixed
 * when it is created, so it is safe to read from any thread.
 */
public abstract sealed class VendorHttpException extends Exception
        permits VendorTimeoutException, VendorConnectionException, ResponseTooLargeException,
        RedirectRefusedException, RequestThrottledException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened, with method and path at most
     * @param cause   the underlying exception, or {@code null}
     */
    VendorHttpException(String message, Throwable cause) {
        super(message, cause);
    }
}
