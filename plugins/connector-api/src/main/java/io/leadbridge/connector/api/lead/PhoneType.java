package io.leadbridge.connector.api.lead;

/**
 * What kind of phone a number belongs to, so that connectors can pick the vendor's matching field.
 * Immutable and thread-safe.
 *
 * <p>ADF's {@code cellphone} maps to {@link #MOBILE}, its {@code fax} to {@link #FAX}, and its
 * {@code voice} and {@code pager} to {@link #OTHER}.
 */
public enum PhoneType {
    /** A mobile (cell) phone. */
    MOBILE,
    /** A home landline. */
    HOME,
    /** A work phone. */
    WORK,
    /** A fax number. */
    FAX,
    /** Any other or unknown kind of phone. */
    OTHER
}
