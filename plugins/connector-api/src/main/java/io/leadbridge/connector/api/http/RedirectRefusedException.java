package io.leadbridge.connector.api.http;

/**
 * The vendor redirected to another origin (or more than 5 times), which the host does not follow
 * so that credentials stay with the base URL's origin. Usually the base URL is wrong. Its state is
 * fixed when it is created, so it is safe to read from any thread.
 */
public final class RedirectRefusedException extends VendorHttpException {

    private static final long serialVersionUID = 1L;

    /** The redirect's HTTP status. */
    private final int status;

    /**
     * @param status the redirect's HTTP status
     */
    public RedirectRefusedException(int status) {
        super("redirect refused (status " + status + "): only redirects within the base URL's origin are followed",
                null);
        this.status = status;
    }

    /** @return the redirect's HTTP status */
    public int status() {
        return status;
    }
}
