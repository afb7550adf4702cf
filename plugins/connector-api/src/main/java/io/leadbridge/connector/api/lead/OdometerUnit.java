package io.leadbridge.connector.api.lead;

/** The unit of an odometer reading, as in ADF's odometer {@code units}. Immutable and thread-safe. */
public enum OdometerUnit {
    /** Miles. */
    MILES,
    /** Kilometres. */
    KILOMETERS
}
