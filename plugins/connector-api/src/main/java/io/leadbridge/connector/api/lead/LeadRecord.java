package io.leadbridge.connector.api.lead;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One dealership lead, as a connector receives it: the unit of delivery. Immutable and
 * thread-safe.
 *
 * <p>{@link #leadId()} is Leadbridge's id for the lead and the <b>idempotency key at the
 * vendor</b>: a connector writes it into the vendor's external-id field (a HubSpot unique
 * property, a Salesforce External ID field, an ADF {@code <id source="leadbridge">}) so that
 * delivering the same lead again updates the record it created instead of creating a second one.
 *
 * <p>Equality covers every part. {@link #toString()} prints only the lead id: the rest is personal
 * data.
 */
public final class LeadRecord {

    private final UUID leadId;
    private final Optional<String> externalId;
    private final Optional<String> source;
    private final Instant receivedAt;
    private final Customer customer;
    private final List<VehicleOfInterest> vehicles;
    private final Optional<TradeIn> tradeIn;
    private final Optional<String> comments;
    private final Map<String, String> customFields;
    private final boolean redelivery;

    private LeadRecord(Builder builder) {
        this.leadId = Objects.requireNonNull(builder.leadId, "leadId");
        this.externalId = Text.optional(builder.externalId);
        this.source = Text.optional(builder.source);
        this.receivedAt = Objects.requireNonNull(builder.receivedAt, "receivedAt");
        this.customer = Objects.requireNonNull(builder.customer, "customer");
        this.vehicles = Text.copy(builder.vehicles, "vehicles");
        this.tradeIn = Optional.ofNullable(builder.tradeIn);
        this.comments = Text.optional(builder.comments);
        this.customFields = Collections.unmodifiableMap(new LinkedHashMap<>(builder.customFields));
        this.redelivery = false;
    }

    private LeadRecord(LeadRecord sent, boolean redelivery) {
        this.leadId = sent.leadId;
        this.externalId = sent.externalId;
        this.source = sent.source;
        this.receivedAt = sent.receivedAt;
        this.customer = sent.customer;
        this.vehicles = sent.vehicles;
        this.tradeIn = sent.tradeIn;
        this.comments = sent.comments;
        this.customFields = sent.customFields;
        this.redelivery = redelivery;
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return Leadbridge's id for this lead: the idempotency key at the vendor */
    public UUID leadId() {
        return leadId;
    }

    /** @return the tenant's own id for the lead (such as a web-form id), as the tenant sent it */
    public Optional<String> externalId() {
        return externalId;
    }

    /** @return where the lead came from, such as {@code dealer-website} */
    public Optional<String> source() {
        return source;
    }

    /** @return when the lead was received (the tenant's {@code receivedAt}, else the intake time) */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** @return the customer */
    public Customer customer() {
        return customer;
    }

    /** @return the vehicles of interest, in the tenant's order; unmodifiable, possibly empty */
    public List<VehicleOfInterest> vehicles() {
        return vehicles;
    }

    /** @return the trade-in */
    public Optional<TradeIn> tradeIn() {
        return tradeIn;
    }

    /** @return the customer's free-text comments */
    public Optional<String> comments() {
        return comments;
    }

    /**
     * The tenant's custom fields after the integration's field mappings: keys are the names the
     * mappings produced (usually the vendor's field names).
     *
     * @return the fields in the tenant's order; unmodifiable, possibly empty
     */
    public Map<String, String> customFields() {
        return customFields;
    }

    /**
     * Whether the host tried this lead on this integration before: an earlier attempt may have
     * arrived, so a vendor with a word for it (ADF's {@code status="resend"}) should hear it.
     *
     * @return whether this is a redelivery
     * @since 1.3.0
     */
    public boolean redelivery() {
        return redelivery;
    }

    /**
     * @return this record, marked as a {@link #redelivery()}; the host calls it for retries
     * @since 1.3.0
     */
    public LeadRecord asRedelivery() {
        return redelivery ? this : new LeadRecord(this, true);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LeadRecord that
                && leadId.equals(that.leadId)
                && externalId.equals(that.externalId)
                && source.equals(that.source)
                && receivedAt.equals(that.receivedAt)
                && customer.equals(that.customer)
                && vehicles.equals(that.vehicles)
                && tradeIn.equals(that.tradeIn)
                && comments.equals(that.comments)
                && customFields.equals(that.customFields)
                && redelivery == that.redelivery;
    }

    @Override
    public int hashCode() {
        return Objects.hash(leadId, externalId, source, receivedAt, customer, vehicles, tradeIn, comments,
                customFields, redelivery);
    }

    /** @return {@code LeadRecord[leadId=...]}: nothing else, since the rest is personal data */
    @Override
    public String toString() {
        return "LeadRecord[leadId=" + leadId + "]";
    }

    /**
     * Collects the parts of a {@link LeadRecord}; not thread-safe. Lead id, received-at time and
     * customer are required.
     */
    public static final class Builder {

        private UUID leadId;
        private String externalId;
        private String source;
        private Instant receivedAt;
        private Customer customer;
        private final List<VehicleOfInterest> vehicles = new ArrayList<>();
        private TradeIn tradeIn;
        private String comments;
        private final Map<String, String> customFields = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param leadId Leadbridge's id for the lead; required
         * @return this builder
         */
        public Builder leadId(UUID leadId) {
            this.leadId = leadId;
            return this;
        }

        /**
         * @param externalId the tenant's id for the lead, {@code null} or blank for none
         * @return this builder
         */
        public Builder externalId(String externalId) {
            this.externalId = externalId;
            return this;
        }

        /**
         * @param source where the lead came from, {@code null} or blank for unknown
         * @return this builder
         */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /**
         * @param receivedAt when the lead was received; required
         * @return this builder
         */
        public Builder receivedAt(Instant receivedAt) {
            this.receivedAt = receivedAt;
            return this;
        }

        /**
         * @param customer the customer; required
         * @return this builder
         */
        public Builder customer(Customer customer) {
            this.customer = customer;
            return this;
        }

        /**
         * Adds a vehicle of interest after those added so far.
         *
         * @param vehicle the vehicle
         * @return this builder
         */
        public Builder vehicle(VehicleOfInterest vehicle) {
            vehicles.add(Objects.requireNonNull(vehicle, "vehicle"));
            return this;
        }

        /**
         * @param tradeIn the trade-in, {@code null} for none
         * @return this builder
         */
        public Builder tradeIn(TradeIn tradeIn) {
            this.tradeIn = tradeIn;
            return this;
        }

        /**
         * @param comments the customer's comments, {@code null} or blank for none
         * @return this builder
         */
        public Builder comments(String comments) {
            this.comments = comments;
            return this;
        }

        /**
         * Adds or replaces a custom field.
         *
         * @param name  the field name; not blank
         * @param value the value; not {@code null}, may be empty
         * @return this builder
         */
        public Builder customField(String name, String value) {
            customFields.put(Text.required(name, "custom field name"),
                    Objects.requireNonNull(value, "custom field value"));
            return this;
        }

        /**
         * @return the lead
         * @throws NullPointerException if the lead id, received-at time or customer is missing
         */
        public LeadRecord build() {
            return new LeadRecord(this);
        }
    }
}
