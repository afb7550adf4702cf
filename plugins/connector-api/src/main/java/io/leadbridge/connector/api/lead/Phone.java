package io.leadbridge.connector.api.lead;

import java.util.Objects;

/**
 * A customer's phone number with its kind; exists because vendors file numbers by kind. Immutable
 * and thread-safe.
 */
public final class Phone {

    private final String number;
    private final PhoneType type;

    private Phone(String number, PhoneType type) {
        this.number = Text.required(number, "number");
        this.type = Objects.requireNonNull(type, "type");
    }

    /**
     * Creates a phone.
     *
     * @param number the number as the host normalised it (E.164, such as {@code +15125550100},
     *               when the host could parse it); not blank
     * @param type   the kind of phone
     * @return the phone
     */
    public static Phone of(String number, PhoneType type) {
        return new Phone(number, type);
    }

    /** @return the number; never blank */
    public String number() {
        return number;
    }

    /** @return the kind of phone */
    public PhoneType type() {
        return type;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Phone that && number.equals(that.number) && type == that.type;
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, type);
    }

    /** @return the kind of phone only: the number is personal data */
    @Override
    public String toString() {
        return "Phone[type=" + type + "]";
    }
}
