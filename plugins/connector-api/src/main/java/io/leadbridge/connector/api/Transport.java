package io.leadbridge.connector.api;

/**
 * How a connector reaches its vendor, which decides what the integration's endpoint is and which
 * client {@link ConnectorContext} grants. Immutable and thread-safe.
 */
public enum Transport {
    /**
     * HTTP(S) calls through {@link ConnectorContext#http()}. The endpoint is the integration's
     * base URL: the tenant's override, else the descriptor's default.
     */
    HTTP,
    /**
     * E-mail through {@link ConnectorContext#mail()}, as dealer CRMs take ADF. The endpoint is a
     * {@code mailto:} address the tenant gives (the CRM's lead-intake address); there is no
     * default.
     */
    EMAIL
}
