package io.leadbridge.connector.api.lead;

/** What the customer wants to do with a vehicle, as in ADF's {@code interest}. Immutable and thread-safe. */
public enum Interest {
    /** Buy the vehicle. */
    BUY,
    /** Lease the vehicle. */
    LEASE,
    /** Sell a vehicle to the dealership. */
    SELL
}
