package io.leadbridge.connector.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a connector is and what it needs: the host reads it once per plugin start to list the
 * connector, ask tenants for the right credentials and settings, and size its rate limiter and
 * batches. Immutable, validated on {@link Builder#build()}, and thread-safe.
 *
 * <p>The host also checks that {@link #id()} equals the plugin's PF4J {@code Plugin-Id} (which
 * names the connector's rollout flag {@code connector.<id>}) and that {@link #pluginVersion()}
 * equals its {@code Plugin-Version}; a plugin whose descriptor disagrees with its manifest does not
 * start.
 */
public final class ConnectorDescriptor {

    /** Pattern of a connector id, such as {@code hubspot} or {@code adf-email}. */
    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,40}");

    /** Largest {@link #maxBatchSize()} accepted. */
    public static final int MAX_BATCH_SIZE_LIMIT = 1000;

    private static final Pattern VERSION = Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+(?:[-+][0-9A-Za-z.+-]+)?");
    private static final int MAX_NAME_LENGTH = 100;

    private final String id;
    private final String displayName;
    private final String vendor;
    private final String pluginVersion;
    private final Transport transport;
    private final Set<Capability> capabilities;
    private final List<FieldSpec> credentialFields;
    private final List<FieldSpec> settingsFields;
    private final Optional<URI> defaultBaseUrl;
    private final RateLimitProfile defaultRateLimit;
    private final int maxBatchSize;

    private ConnectorDescriptor(Builder builder) {
        this.id = Objects.requireNonNull(builder.id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must match " + ID.pattern() + ": " + id);
        }
        this.displayName = shortText(builder.displayName, "displayName");
        this.vendor = shortText(builder.vendor, "vendor");
        this.pluginVersion = Objects.requireNonNull(builder.pluginVersion, "pluginVersion");
        if (!VERSION.matcher(pluginVersion).matches()) {
            throw new IllegalArgumentException("pluginVersion must be a semantic version: " + pluginVersion);
        }
        this.transport = builder.transport;
        this.capabilities = Collections.unmodifiableSet(EnumSet.copyOf(builder.capabilities));
        this.credentialFields = List.copyOf(builder.credentialFields);
        this.settingsFields = List.copyOf(builder.settingsFields);
        this.defaultBaseUrl = Optional.ofNullable(builder.defaultBaseUrl);
        this.defaultRateLimit = Objects.requireNonNull(builder.defaultRateLimit, "defaultRateLimit");
        this.maxBatchSize = builder.maxBatchSize;
        checkFields();
        checkBaseUrl();
        checkBatchSize();
    }

    private static String shortText(String value, String what) {
        Checks.required(value, what);
        if (value.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(what + " longer than " + MAX_NAME_LENGTH);
        }
        return value;
    }

    private void checkFields() {
        Set<String> names = new HashSet<>();
        for (FieldSpec field : credentialFields) {
            if (!names.add(field.name())) {
                throw new IllegalArgumentException("duplicate field name " + field.name());
            }
        }
        for (FieldSpec field : settingsFields) {
            if (!names.add(field.name())) {
                throw new IllegalArgumentException("duplicate field name " + field.name());
            }
            if (field.secret()) {
                throw new IllegalArgumentException("settings field " + field.name()
                        + " is secret; secrets are credential fields");
            }
        }
    }

    private void checkBaseUrl() {
        if (defaultBaseUrl.isEmpty()) {
            return;
        }
        if (transport == Transport.EMAIL) {
            throw new IllegalArgumentException("an EMAIL connector has no default base URL");
        }
        URI url = defaultBaseUrl.get();
        if (!"https".equals(url.getScheme()) || url.getHost() == null || url.getRawUserInfo() != null
                || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("defaultBaseUrl must be an https URL with a host and no user info,"
                    + " query or fragment: " + url);
        }
    }

    private void checkBatchSize() {
        if (maxBatchSize < 1 || maxBatchSize > MAX_BATCH_SIZE_LIMIT) {
            throw new IllegalArgumentException("maxBatchSize must be between 1 and " + MAX_BATCH_SIZE_LIMIT
                    + ": " + maxBatchSize);
        }
        if (capabilities.contains(Capability.BATCH) && maxBatchSize == 1) {
            throw new IllegalArgumentException("capability BATCH needs a maxBatchSize above 1");
        }
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the connector's id, equal to the plugin's {@code Plugin-Id}; matches {@link #ID} */
    public String id() {
        return id;
    }

    /** @return the name shown to tenants and operators, such as {@code HubSpot CRM} */
    public String displayName() {
        return displayName;
    }

    /** @return the vendor, such as {@code HubSpot} */
    public String vendor() {
        return vendor;
    }

    /** @return the plugin's version, equal to its {@code Plugin-Version} */
    public String pluginVersion() {
        return pluginVersion;
    }

    /** @return how the connector reaches its vendor */
    public Transport transport() {
        return transport;
    }

    /** @return what the connector can do; unmodifiable */
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /** @return the credential fields, in display order; unmodifiable */
    public List<FieldSpec> credentialFields() {
        return credentialFields;
    }

    /** @return the settings fields, in display order; none is secret; unmodifiable */
    public List<FieldSpec> settingsFields() {
        return settingsFields;
    }

    /**
     * @return the vendor's usual base URL (https), used when the integration does not override
     *         it; empty when each tenant has its own (a Salesforce My Domain, a Pipedrive company
     *         domain) and always for {@link Transport#EMAIL}
     */
    public Optional<URI> defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** @return the vendor's documented limits, the host's starting point for each integration */
    public RateLimitProfile defaultRateLimit() {
        return defaultRateLimit;
    }

    /** @return the most records the host puts into one {@link CrmConnector#deliver} call */
    public int maxBatchSize() {
        return maxBatchSize;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConnectorDescriptor that
                && id.equals(that.id)
                && displayName.equals(that.displayName)
                && vendor.equals(that.vendor)
                && pluginVersion.equals(that.pluginVersion)
                && transport == that.transport
                && capabilities.equals(that.capabilities)
                && credentialFields.equals(that.credentialFields)
                && settingsFields.equals(that.settingsFields)
                && defaultBaseUrl.equals(that.defaultBaseUrl)
                && defaultRateLimit.equals(that.defaultRateLimit)
                && maxBatchSize == that.maxBatchSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, displayName, vendor, pluginVersion, transport, capabilities, credentialFields,
                settingsFields, defaultBaseUrl, defaultRateLimit, maxBatchSize);
    }

    @Override
    public String toString() {
        return "ConnectorDescriptor[" + id + " " + pluginVersion + "]";
    }

    /**
     * Collects a {@link ConnectorDescriptor}; not thread-safe. Id, display name, vendor, plugin
     * version and default rate limit are required; the transport defaults to
     * {@link Transport#HTTP} and the batch size to 1.
     */
    public static final class Builder {

        private String id;
        private String displayName;
        private String vendor;
        private String pluginVersion;
        private Transport transport = Transport.HTTP;
        private final Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        private final List<FieldSpec> credentialFields = new ArrayList<>();
        private final List<FieldSpec> settingsFields = new ArrayList<>();
        private URI defaultBaseUrl;
        private RateLimitProfile defaultRateLimit;
        private int maxBatchSize = 1;

        private Builder() {
        }

        /**
         * @param id the connector id, equal to the plugin's {@code Plugin-Id}
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * @param displayName the name shown to people; at most 100 characters
         * @return this builder
         */
        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        /**
         * @param vendor the vendor's name; at most 100 characters
         * @return this builder
         */
        public Builder vendor(String vendor) {
            this.vendor = vendor;
            return this;
        }

        /**
         * @param pluginVersion the plugin's semantic version, equal to its {@code Plugin-Version}
         * @return this builder
         */
        public Builder pluginVersion(String pluginVersion) {
            this.pluginVersion = pluginVersion;
            return this;
        }

        /**
         * @param transport how the connector reaches its vendor (default {@link Transport#HTTP})
         * @return this builder
         */
        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * @param capabilities capabilities to add
         * @return this builder
         */
        public Builder capabilities(Capability... capabilities) {
            for (Capability capability : capabilities) {
                this.capabilities.add(Objects.requireNonNull(capability, "capability"));
            }
            return this;
        }

        /**
         * Adds a credential field after those added so far.
         *
         * @param field the field
         * @return this builder
         */
        public Builder credentialField(FieldSpec field) {
            credentialFields.add(Objects.requireNonNull(field, "field"));
            return this;
        }

        /**
         * Adds a settings field after those added so far.
         *
         * @param field the field; not secret
         * @return this builder
         */
        public Builder settingsField(FieldSpec field) {
            settingsFields.add(Objects.requireNonNull(field, "field"));
            return this;
        }

        /**
         * @param url the vendor's usual https base URL, such as {@code https://api.hubapi.com}
         * @return this builder
         * @throws IllegalArgumentException if the text is not a URI
         */
        public Builder defaultBaseUrl(String url) {
            this.defaultBaseUrl = URI.create(Objects.requireNonNull(url, "url"));
            return this;
        }

        /**
         * @param profile the vendor's documented limits
         * @return this builder
         */
        public Builder defaultRateLimit(RateLimitProfile profile) {
            this.defaultRateLimit = profile;
            return this;
        }

        /**
         * @param maxBatchSize the most records per {@link CrmConnector#deliver} call, 1 to
         *                     {@value ConnectorDescriptor#MAX_BATCH_SIZE_LIMIT} (default 1)
         * @return this builder
         */
        public Builder maxBatchSize(int maxBatchSize) {
            this.maxBatchSize = maxBatchSize;
            return this;
        }

        /**
         * @return the descriptor
         * @throws IllegalArgumentException if a value is invalid or the values are inconsistent
         * @throws NullPointerException     if a required value is missing
         */
        public ConnectorDescriptor build() {
            return new ConnectorDescriptor(this);
        }
    }
}
