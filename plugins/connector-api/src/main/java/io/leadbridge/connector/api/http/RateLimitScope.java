package io.leadbridge.connector.api.http;

/**
 * Which of a vendor's limits a rate-limit signal is about; exists because a short window and a
 * daily quota call for very different waits. Immutable and thread-safe.
 */
public enum RateLimitScope {
    /**
     * A short rolling or fixed window (HubSpot's 10 seconds, Pipedrive's 2 seconds): the wait is
     * seconds.
     */
    WINDOW,
    /**
     * A daily quota (HubSpot's and Pipedrive's daily budgets, Salesforce's rolling 24 hours): the
     * wait can be hours, until the quota resets.
     */
    DAILY
}
