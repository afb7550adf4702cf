package io.leadbridge.connector.api.lead;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The vehicle the customer offers in trade; exists because dealer CRMs record it apart from the
 * vehicles of interest. Every part is optional. Immutable and thread-safe.
 */
public final class TradeIn {

    private final OptionalInt year;
    private final Optional<String> make;
    private final Optional<String> model;
    private final OptionalLong odometer;
    private final Optional<OdometerUnit> odometerUnit;

    private TradeIn(Builder builder) {
        this.year = builder.year;
        this.make = Text.optional(builder.make);
        this.model = Text.optional(builder.model);
        this.odometer = builder.odometer;
        this.odometerUnit = Optional.ofNullable(builder.odometerUnit);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the model year */
    public OptionalInt year() {
        return year;
    }

    /** @return the make */
    public Optional<String> make() {
        return make;
    }

    /** @return the model */
    public Optional<String> model() {
        return model;
    }

    /** @return the odometer reading, in {@link #odometerUnit()}; present exactly when the unit is */
    public OptionalLong odometer() {
        return odometer;
    }

    /** @return the unit of {@link #odometer()}; present exactly when the reading is */
    public Optional<OdometerUnit> odometerUnit() {
        return odometerUnit;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TradeIn that
                && year.equals(that.year)
                && make.equals(that.make)
                && model.equals(that.model)
                && odometer.equals(that.odometer)
                && odometerUnit.equals(that.odometerUnit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(year, make, model, odometer, odometerUnit);
    }

    /** @return a constant text: the customer's own vehicle is personal data */
    @Override
    public String toString() {
        return "TradeIn[not shown]";
    }

    /** Collects the parts of a {@link TradeIn}; not thread-safe. */
    public static final class Builder {

        private OptionalInt year = OptionalInt.empty();
        private String make;
        private String model;
        private OptionalLong odometer = OptionalLong.empty();
        private OdometerUnit odometerUnit;

        private Builder() {
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
         * Sets the odometer reading; a reading is meaningless without its unit, so both are set together.
         *
         * @param reading the reading, not negative
         * @param unit    its unit
         * @return this builder
         * @throws IllegalArgumentException if the reading is negative
         */
        public Builder odometer(long reading, OdometerUnit unit) {
            if (reading < 0) {
                throw new IllegalArgumentException("odometer must not be negative");
            }
            this.odometer = OptionalLong.of(reading);
            this.odometerUnit = Objects.requireNonNull(unit, "unit");
            return this;
        }

        /** @return the trade-in */
        public TradeIn build() {
            return new TradeIn(this);
        }
    }
}
