package io.leadbridge.connector.api.http;

/**
 * The vendor's response body was larger than the host's cap, so no response is returned. The
 * vendor did process the request. Its state is fixed when it is created, so it is safe to read
 * from any thread.
 */
public final class ResponseTooLargeException extends VendorHttpException {

    private static final long serialVersionUID = 1L;

    /** The response's HTTP status. */
    private final int status;
    /** The host's cap, in bytes. */
    private final long limitBytes;

    /**
     * @param status     the response's HTTP status
     * @param limitBytes the host's cap, in bytes
     */
    public ResponseTooLargeException(int status, long limitBytes) {
        super("response body larger than " + limitBytes + " bytes (status " + status + ")", null);
        this.status = status;
        this.limitBytes = limitBytes;
    }

    /** @return the response's HTTP status */
    public int status() {
        return status;
    }

    /** @return the host's cap, in bytes */
    public long limitBytes() {
        return limitBytes;
    }
}
