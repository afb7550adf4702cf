package io.leadbridge.connector.api.lead;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A vehicle the customer asked about; exists as the sales half of a lead. Every part is optional
 * (the host guarantees year, make and model on at least one vehicle of a lead that came in through
 * its API). Immutable and thread-safe.
 */
public final class VehicleOfInterest {

    private final Optional<Interest> interest;
    private final Optional<Condition> condition;
    private final Optional<String> vin;
    private final OptionalInt year;
    private final Optional<String> make;
    private final Optional<String> model;
    private final Optional<String> trim;

    private VehicleOfInterest(Builder builder) {
        this.interest = Optional.ofNullable(builder.interest);
        this.condition = Optional.ofNullable(builder.condition);
        this.vin = Text.optional(builder.vin);
        this.year = builder.year;
        this.make = Text.optional(builder.make);
        this.model = Text.optional(builder.model);
        this.trim = Text.optional(builder.trim);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return buy, lease or sell; empty when the lead did not say */
    public Optional<Interest> interest() {
        return interest;
    }

    /** @return new or used; empty when the lead did not say */
    public Optional<Condition> condition() {
        return condition;
    }

    /** @return the vehicle identification number */
    public Optional<String> vin() {
        return vin;
    }

    /** @return the model year */
    public OptionalInt year() {
        return year;
    }

    /** @return the make, such as {@code Honda} */
    public Optional<String> make() {
        return make;
    }

    /** @return the model, such as {@code Accord} */
    public Optional<String> model() {
        return model;
    }

    /** @return the trim, such as {@code EX} */
    public Optional<String> trim() {
        return trim;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VehicleOfInterest that
                && interest.equals(that.interest)
                && condition.equals(that.condition)
                && vin.equals(that.vin)
                && year.equals(that.year)
                && make.equals(that.make)
                && model.equals(that.model)
                && trim.equals(that.trim);
    }

    @Override
    public int hashCode() {
        return Objects.hash(interest, condition, vin, year, make, model, trim);
    }

    /** @return a constant text, like every other lead part but the lead id */
    @Override
    public String toString() {
        return "VehicleOfInterest[not shown]";
    }

    /** Collects the parts of a {@link VehicleOfInterest}; not thread-safe. */
    public static final class Builder {

        private Interest interest;
        private Condition condition;
        private String vin;
        private OptionalInt year = OptionalInt.empty();
        private String make;
        private String model;
        private String trim;

        private Builder() {
        }

        /**
         * @param interest buy, lease or sell; {@code null} for unknown
         * @return this builder
         */
        public Builder interest(Interest interest) {
            this.interest = interest;
            return this;
        }

        /**
         * @param condition new or used; {@code null} for unknown
         * @return this builder
         */
        public Builder condition(Condition condition) {
            this.condition = condition;
            return this;
        }

        /**
         * @param vin the vehicle identification number, {@code null} or blank for none
         * @return this builder
         */
        public Builder vin(String vin) {
            this.vin = vin;
            return this;
        }

        /**
         * @param year the model year, 1 to 9999
         * @return this builder
         * @throws IllegalArgumentException if the year is out of range
         */
        public Builder year(int year) {
            this.year = OptionalInt.of(Text.year(year));
            return this;
        }

        /**
         * @param make the make, {@code null} or blank for none
         * @return this builder
         */
        public Builder make(String make) {
            this.make = make;
            return this;
        }

        /**
         * @param model the model, {@code null} or blank for none
         * @return this builder
         */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /**
         * @param trim the trim, {@code null} or blank for none
         * @return this builder
         */
        public Builder trim(String trim) {
            this.trim = trim;
            return this;
        }

        /** @return the vehicle */
        public VehicleOfInterest build() {
            return new VehicleOfInterest(this);
        }
    }
}
