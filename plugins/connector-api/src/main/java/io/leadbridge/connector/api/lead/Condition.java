package io.leadbridge.connector.api.lead;

/** Whether a vehicle of interest is new or used, as in ADF's vehicle {@code status}. Immutable and thread-safe. */
public enum Condition {
    /** A new vehicle. */
    NEW,
    /** A used (pre-owned) vehicle. */
    USED
}
