package io.leadbridge.connector.api.lead;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The person behind a lead: names and ways to reach them; exists as the contact half of a lead.
 * Immutable and thread-safe.
 *
 * <p>The host guarantees a last name (or a first name and a last name) and at least one e-mail
 * address or phone for leads that came in through its API; the type itself requires neither, so
 * that plugin tests can build partial leads.
 */
public final class Customer {

    private final Optional<String> firstName;
    private final Optional<String> lastName;
    private final List<String> emails;
    private final List<Phone> phones;
    private final Optional<Address> address;

    private Customer(Builder builder) {
        this.firstName = Text.optional(builder.firstName);
        this.lastName = Text.optional(builder.lastName);
        this.emails = Text.copy(builder.emails, "emails");
        this.phones = Text.copy(builder.phones, "phones");
        this.address = Optional.ofNullable(builder.address);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the first (given) name */
    public Optional<String> firstName() {
        return firstName;
    }

    /** @return the last (family) name */
    public Optional<String> lastName() {
        return lastName;
    }

    /** @return the e-mail addresses, the preferred one first; unmodifiable, possibly empty */
    public List<String> emails() {
        return emails;
    }

    /** @return the phones, the preferred one first; unmodifiable, possibly empty */
    public List<Phone> phones() {
        return phones;
    }

    /** @return the postal address */
    public Optional<Address> address() {
        return address;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Customer that
                && firstName.equals(that.firstName)
                && lastName.equals(that.lastName)
                && emails.equals(that.emails)
                && phones.equals(that.phones)
                && address.equals(that.address);
    }

    @Override
    public int hashCode() {
        return Objects.hash(firstName, lastName, emails, phones, address);
    }

    /** @return only how many e-mails and phones there are: the rest is personal data */
    @Override
    public String toString() {
        return "Customer[emails=" + emails.size() + ", phones=" + phones.size() + "]";
    }

    /** Collects the parts of a {@link Customer}; not thread-safe. */
    public static final class Builder {

        private String firstName;
        private String lastName;
        private final List<String> emails = new ArrayList<>();
        private final List<Phone> phones = new ArrayList<>();
        private Address address;

        private Builder() {
        }

        /**
         * @param firstName the first name, {@code null} or blank for none
         * @return this builder
         */
        public Builder firstName(String firstName) {
            this.firstName = firstName;
            return this;
        }

        /**
         * @param lastName the last name, {@code null} or blank for none
         * @return this builder
         */
        public Builder lastName(String lastName) {
            this.lastName = lastName;
            return this;
        }

        /**
         * Adds an e-mail address after those added so far.
         *
         * @param email the address; not blank
         * @return this builder
         */
        public Builder email(String email) {
            emails.add(Text.required(email, "email"));
            return this;
        }

        /**
         * Adds a phone after those added so far.
         *
         * @param phone the phone
         * @return this builder
         */
        public Builder phone(Phone phone) {
            phones.add(Objects.requireNonNull(phone, "phone"));
            return this;
        }

        /**
         * @param address the postal address, {@code null} for none
         * @return this builder
         */
        public Builder address(Address address) {
            this.address = address;
            return this;
        }

        /** @return the customer */
        public Customer build() {
            return new Customer(this);
        }
    }
}
