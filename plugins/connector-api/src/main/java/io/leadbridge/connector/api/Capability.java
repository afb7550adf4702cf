package io.leadbridge.connector.api;

/**
 * Something a connector can do beyond the minimum, declared in its {@link ConnectorDescriptor} so
 * that the host, the operator console and tenants can tell connectors apart. Immutable and
 * thread-safe. New constants may come in a minor version.
 */
public enum Capability {
    /**
     * Delivering the same lead again updates the record the first delivery created, keyed by the
     * lead id at the vendor (HubSpot, Salesforce). Without it (Pipedrive's search-then-create,
     * ADF e-mail), a retry after an ambiguous failure may produce a duplicate at the vendor.
     */
    UPSERT,
    /** One vendor call writes many leads; requires a {@link ConnectorDescriptor#maxBatchSize()} above 1. */
    BATCH,
    /** Besides the contact or lead, the connector creates a deal or opportunity. */
    DEALS
}
