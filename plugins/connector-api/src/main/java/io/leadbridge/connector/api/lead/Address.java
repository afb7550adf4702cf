package io.leadbridge.connector.api.lead;

import java.util.Objects;
import java.util.Optional;

/**
 * A customer's postal address; exists so that connectors can fill the vendor's address fields.
 * Every part is optional. Immutable and thread-safe.
 */
public final class Address {

    private final Optional<String> street;
    private final Optional<String> city;
    private final Optional<String> region;
    private final Optional<String> postalCode;
    private final Optional<String> country;

    private Address(Builder builder) {
        this.street = Text.optional(builder.street);
        this.city = Text.optional(builder.city);
        this.region = Text.optional(builder.region);
        this.postalCode = Text.optional(builder.postalCode);
        this.country = Text.optional(builder.country);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the street line(s); several lines are separated by {@code \n} */
    public Optional<String> street() {
        return street;
    }

    /** @return the city */
    public Optional<String> city() {
        return city;
    }

    /** @return the state, province or region, usually a code such as {@code TX} */
    public Optional<String> region() {
        return region;
    }

    /** @return the postal code */
    public Optional<String> postalCode() {
        return postalCode;
    }

    /** @return the country, usually an ISO 3166-1 alpha-2 code such as {@code US} */
    public Optional<String> country() {
        return country;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Address that
                && street.equals(that.street)
                && city.equals(that.city)
                && region.equals(that.region)
                && postalCode.equals(that.postalCode)
                && country.equals(that.country);
    }

    @Override
    public int hashCode() {
        return Objects.hash(street, city, region, postalCode, country);
    }

    /** @return a constant text: an address is personal data */
    @Override
    public String toString() {
        return "Address[not shown]";
    }

    /** Collects the parts of an {@link Address}; not thread-safe. */
    public static final class Builder {

        private String street;
        private String city;
        private String region;
        private String postalCode;
        private String country;

        private Builder() {
        }

        /**
         * @param street the street line(s), {@code null} or blank for none
         * @return this builder
         */
        public Builder street(String street) {
            this.street = street;
            return this;
        }

        /**
         * @param city the city, {@code null} or blank for none
         * @return this builder
         */
        public Builder city(String city) {
            this.city = city;
            return this;
        }

        /**
         * @param region the state, province or region, {@code null} or blank for none
         * @return this builder
         */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /**
         * @param postalCode the postal code, {@code null} or blank for none
         * @return this builder
         */
        public Builder postalCode(String postalCode) {
            this.postalCode = postalCode;
            return this;
        }

        /**
         * @param country the country, {@code null} or blank for none
         * @return this builder
         */
        public Builder country(String country) {
            this.country = country;
            return this;
        }

        /** @return the address */
        public Address build() {
            return new Address(this);
        }
    }
}
