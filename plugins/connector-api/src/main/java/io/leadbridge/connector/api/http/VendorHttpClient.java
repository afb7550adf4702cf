package io.leadbridge.connector.api.http;

/**
 * The plugin's only way to reach its vendor over HTTP: a client pinned to the integration's base
 * URL. Implemented by the host; thread-safe.
 *
 * <p>What the host does on {@link #send}:
 * <ul>
 *   <li>resolves the request's path against the integration's base URL (the tenant's override,
 *       else the descriptor's default); a request cannot name another host;</li>
 *   <li>takes a permit from the integration's rate limiter, waiting for one at most until the
 *       call's deadline ({@link RequestThrottledException} if none would come in time);</li>
 *   <li>decrypts the credentials the request names and puts them in, just for this send;</li>
 *   <li>applies its connect and request timeouts, never beyond the call's deadline;</li>
 *   <li>follows redirects (at most 5) only within the base URL's origin (scheme, host and port),
 *       so credentials never travel to another origin; statuses 300 and 304, and 3xx without a
 *       {@code Location}, are returned as responses;</li>
 *   <li>reads the response body up to its size cap (a host setting, 1 MiB by default);</li>
 *   <li>records metrics and logs the method, path and status, never the query, header values or
 *       bodies.</li>
 * </ul>
 * Every HTTP status comes back as a {@link VendorResponse}. The checked exceptions are the cases
 * where there is no response to interpret; all of them mean nothing, or possibly something
 * (timeouts), reached the vendor, and their messages hold no URL query, header value or body:
 * <ul>
 *   <li>{@link VendorTimeoutException}: connect or response timeout, the call's deadline passed,
 *       or the thread was interrupted (the interrupt flag stays set). The vendor may have acted:
 *       usually {@code Retryable}.</li>
 *   <li>{@link VendorConnectionException}: DNS, refused or reset connection, TLS failure; nothing
 *       was processed: usually {@code Retryable}.</li>
 *   <li>{@link ResponseTooLargeException}: the body exceeded the cap; the vendor did act.</li>
 *   <li>{@link RedirectRefusedException}: the vendor redirected to another origin: usually a wrong
 *       base URL, which retrying will not fix.</li>
 *   <li>{@link RequestThrottledException}: the host's limiter had no permit before the deadline;
 *       nothing was sent: {@code RateLimited} with the exception's wait and scope.</li>
 * </ul>
 * Once the call is over (returned or abandoned), every send fails at once with
 * {@link VendorTimeoutException}. A request naming a credential that is not set or cannot be
 * decrypted throws the unchecked
 * {@link io.leadbridge.connector.api.CredentialUnavailableException} before anything is sent.
 */
public interface VendorHttpClient {

    /**
     * Sends a request and returns the vendor's response, whatever its status.
     *
     * @param request the request
     * @return the response
     * @throws VendorHttpException when there is no response to interpret (see above)
     */
    VendorResponse send(VendorRequest request) throws VendorHttpException;
}
