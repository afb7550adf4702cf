/**
 * The HTTP side of the connector API: the {@link io.leadbridge.connector.api.http.VendorHttpClient}
 * the host pins to an integration's base URL, the immutable
 * {@link io.leadbridge.connector.api.http.VendorRequest} and
 * {@link io.leadbridge.connector.api.http.VendorResponse}, the credential injections that keep
 * secrets out of plugin code, the checked exceptions for calls without a response, and the
 * rate-limit feedback a plugin reads from vendor headers.
 *
 * <p>Value types here are immutable and thread-safe; the interfaces are implemented by the host
 * and thread-safe.
 */
package io.leadbridge.connector.api.http;
