package io.leadbridge.connector.api.testing;

import io.leadbridge.connector.api.ConnectorContext;
import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.ConnectorLog;
import io.leadbridge.connector.api.ConnectorMetrics;
import io.leadbridge.connector.api.CredentialAccess;
import io.leadbridge.connector.api.CredentialUnavailableException;
import io.leadbridge.connector.api.FieldSpec;
import io.leadbridge.connector.api.SecretFunction;
import io.leadbridge.connector.api.SecretView;
import io.leadbridge.connector.api.Settings;
import io.leadbridge.connector.api.Transport;
import io.leadbridge.connector.api.http.CredentialInjection;
import io.leadbridge.connector.api.http.RateLimitFeedback;
import io.leadbridge.connector.api.http.RateLimitReport;
import io.leadbridge.connector.api.http.RateLimitScope;
import io.leadbridge.connector.api.http.VendorHttpClient;
import io.leadbridge.connector.api.http.VendorHttpException;
import io.leadbridge.connector.api.http.VendorRequest;
import io.leadbridge.connector.api.http.VendorResponse;
import io.leadbridge.connector.api.http.VendorTimeoutException;
import io.leadbridge.connector.api.mail.VendorMail;
import io.leadbridge.connector.api.mail.VendorMailClient;
import io.leadbridge.connector.api.mail.VendorMailException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory {@link ConnectorContext} for unit tests of a connector: it behaves like the host
 * where a plugin can tell, and records what the plugin did so that tests can assert on it.
 * Thread-safe.
 *
 * <p>It is stricter than the host where that finds bugs early: sends check that every credential
 * a request names is declared and set (but leave the injections unresolved, so tests assert on
 * {@link VendorRequest#credentials()}); metrics that break the documented rules throw
 * {@link IllegalArgumentException} instead of being dropped; and log lines are recorded
 * <em>without</em> redaction, so a test can prove that no secret or personal data is logged.
 * {@link #end()} ends the call as the host does when {@code deliver} returns.
 *
 * <p>Requests go to a handler the test gives ({@link Builder#http}), or, with
 * {@link Builder#baseUrl}, over real HTTP to an in-process vendor simulator, through a client that
 * behaves like the host's: paths resolved against the base URL, credentials injected from the
 * values given to {@link Builder#credential} at send time, a timeout bounded by the deadline, the
 * response body capped at 1 MiB and redirects followed only within the base URL's origin.
 */
public final class FakeConnectorContext implements ConnectorContext {

    private final ConnectorDescriptor descriptor;
    private final UUID tenantId;
    private final UUID integrationId;
    private final Settings settings;
    private final Map<String, String> credentialValues;
    private final VendorHttpClient httpHandler;
    private final VendorMailClient mailHandler;
    private final Clock clock;
    private final Instant deadline;
    private volatile boolean ended;

    private final List<VendorRequest> requests = new CopyOnWriteArrayList<>();
    private final List<VendorMail> mails = new CopyOnWriteArrayList<>();
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final List<String> revealedFields = new CopyOnWriteArrayList<>();
    private final List<RateLimitReport> rateLimitReports = new CopyOnWriteArrayList<>();
    private final List<Map.Entry<RateLimitScope, Duration>> retryAfters = new CopyOnWriteArrayList<>();
    private final Map<String, Long> metricCounts = new ConcurrentHashMap<>();

    private FakeConnectorContext(Builder builder) {
        this.descriptor = builder.descriptor;
        this.tenantId = builder.tenantId;
        this.integrationId = builder.integrationId;
        this.settings = Settings.of(descriptor.settingsFields(), builder.settings);
        this.credentialValues = Map.copyOf(builder.credentials);
        this.mailHandler = builder.mail;
        this.clock = builder.clock;
        this.deadline = builder.deadline != null ? builder.deadline : clock.instant().plusSeconds(30);
        Clock callClock = builder.clock;
        Instant callDeadline = this.deadline;
        this.httpHandler = builder.baseUrl == null ? builder.http
                : new PinnedHttpClient(builder.baseUrl, builder.httpTimeout, credentialValues::get,
                        () -> Duration.between(callClock.instant(), callDeadline));
    }

    /**
     * Starts a fake context for a connector.
     *
     * @param descriptor the connector's descriptor, which declares the settings and credentials
     * @return a builder
     */
    public static Builder builder(ConnectorDescriptor descriptor) {
        return new Builder(descriptor);
    }

    /** Ends the call: from now on sends fail with a timeout and secrets are no longer revealed. */
    public void end() {
        ended = true;
    }

    /** @return the requests sent through {@link #http()}, in order, with injections unresolved */
    public List<VendorRequest> requests() {
        return List.copyOf(requests);
    }

    /** @return the mails sent through {@link #mail()}, in order */
    public List<VendorMail> mails() {
        return List.copyOf(mails);
    }

    /** @return the log lines, as {@code LEVEL rendered message}, unredacted, in order */
    public List<String> logLines() {
        return List.copyOf(logLines);
    }

    /** @return the credential fields revealed through {@code withSecret}, in order */
    public List<String> revealedFields() {
        return List.copyOf(revealedFields);
    }

    /** @return the rate-limit reports, in order */
    public List<RateLimitReport> rateLimitReports() {
        return List.copyOf(rateLimitReports);
    }

    /** @return the {@code retryAfter} calls as scope and delay, in order */
    public List<Map.Entry<RateLimitScope, Duration>> retryAfters() {
        return List.copyOf(retryAfters);
    }

    /**
     * @return how often each metric was incremented or recorded, keyed {@code name} or
     *         {@code name{key=value,...}} with keys sorted
     */
    public Map<String, Long> metricCounts() {
        return Map.copyOf(metricCounts);
    }

    @Override
    public UUID tenantId() {
        return tenantId;
    }

    @Override
    public UUID integrationId() {
        return integrationId;
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public CredentialAccess credentials() {
        return new Credentials();
    }

    @Override
    public VendorHttpClient http() {
        requireTransport(Transport.HTTP);
        return this::send;
    }

    @Override
    public VendorMailClient mail() {
        requireTransport(Transport.EMAIL);
        return this::send;
    }

    @Override
    public RateLimitFeedback rateLimits() {
        return new RateLimits();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Instant deadline() {
        return deadline;
    }

    @Override
    public ConnectorMetrics metrics() {
        return new Metrics();
    }

    @Override
    public ConnectorLog log() {
        return new Log();
    }

    private void requireTransport(Transport transport) {
        if (descriptor.transport() != transport) {
            throw new IllegalStateException("connector transport is " + descriptor.transport() + ", not " + transport);
        }
    }

    private VendorResponse send(VendorRequest request) throws VendorHttpException {
        Objects.requireNonNull(request, "request");
        for (CredentialInjection injection : request.credentials()) {
            for (String field : fieldsOf(injection)) {
                requireSet(field);
            }
        }
        requireTimeLeft();
        requests.add(request);
        return httpHandler.send(request);
    }

    private String send(VendorMail mail) throws VendorMailException {
        Objects.requireNonNull(mail, "mail");
        if (ended || !clock.instant().isBefore(deadline)) {
            throw new VendorMailException("the call is over", false, null);
        }
        mails.add(mail);
        return mailHandler.send(mail);
    }

    private void requireTimeLeft() throws VendorTimeoutException {
        if (ended || !clock.instant().isBefore(deadline)) {
            throw new VendorTimeoutException("the call is over", null);
        }
    }

    private static List<String> fieldsOf(CredentialInjection injection) {
        if (injection instanceof CredentialInjection.Bearer bearer) {
            return List.of(bearer.field());
        } else if (injection instanceof CredentialInjection.Header header) {
            return List.of(header.field());
        } else if (injection instanceof CredentialInjection.Basic basic) {
            return List.of(basic.userField(), basic.passwordField());
        } else if (injection instanceof CredentialInjection.FormParam form) {
            return List.of(form.field());
        }
        throw new IllegalArgumentException("unknown credential injection " + injection);
    }

    private void requireDeclared(String field) {
        boolean declared = descriptor.credentialFields().stream().anyMatch(spec -> spec.name().equals(field));
        if (!declared) {
            throw new IllegalArgumentException("undeclared credential field " + field);
        }
    }

    private String requireSet(String field) {
        requireDeclared(field);
        String value = credentialValues.get(field);
        if (value == null) {
            throw new CredentialUnavailableException("credential field " + field + " is not set");
        }
        return value;
    }

    /** Reveals test credentials through a wiped view, as the host does; thread-safe. */
    private final class Credentials implements CredentialAccess {

        @Override
        public boolean isSet(String field) {
            requireDeclared(field);
            return credentialValues.containsKey(field);
        }

        @Override
        public <T, X extends Exception> T withSecret(String field, SecretFunction<T, X> function) throws X {
            Objects.requireNonNull(function, "function");
            if (ended) {
                throw new IllegalStateException("the call is over");
            }
            View view = new View(requireSet(field));
            revealedFields.add(field);
            try {
                return function.apply(view);
            } finally {
                view.wipe();
            }
        }
    }

    /** A secret view that wipes its arrays when the callback ends; confined to one thread. */
    private static final class View implements SecretView {

        private final char[] chars;
        private final byte[] utf8;
        private boolean wiped;

        View(String value) {
            this.chars = value.toCharArray();
            ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
            this.utf8 = Arrays.copyOf(encoded.array(), encoded.limit());
            Arrays.fill(encoded.array(), (byte) 0);
        }

        @Override
        public int length() {
            requireValid();
            return chars.length;
        }

        @Override
        public char[] chars() {
            requireValid();
            return chars;
        }

        @Override
        public byte[] utf8() {
            requireValid();
            return utf8;
        }

        void wipe() {
            wiped = true;
            Arrays.fill(chars, '\0');
            Arrays.fill(utf8, (byte) 0);
        }

        private void requireValid() {
            if (wiped) {
                throw new IllegalStateException("the secret is no longer available");
            }
        }

        @Override
        public String toString() {
            return "SecretView[***]";
        }
    }

    /** Records rate-limit feedback; thread-safe. */
    private final class RateLimits implements RateLimitFeedback {

        @Override
        public void report(RateLimitReport report) {
            rateLimitReports.add(Objects.requireNonNull(report, "report"));
        }

        @Override
        public void retryAfter(Duration delay, RateLimitScope scope) {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative");
            }
            retryAfters.add(Map.entry(Objects.requireNonNull(scope, "scope"), delay));
        }
    }

    /** Counts metric samples after checking the documented rules; thread-safe. */
    private final class Metrics implements ConnectorMetrics {

        @Override
        public void increment(String name, Map<String, String> tags) {
            count(name, tags);
        }

        @Override
        public void record(String name, Duration duration, Map<String, String> tags) {
            if (duration.isNegative()) {
                throw new IllegalArgumentException("duration must not be negative");
            }
            count(name, tags);
        }

        private void count(String name, Map<String, String> tags) {
            if (!NAME.matcher(name).matches() || tags.size() > MAX_TAGS) {
                throw new IllegalArgumentException("metric " + name + " breaks the name or tag-count rule");
            }
            TreeMap<String, String> sorted = new TreeMap<>(tags);
            sorted.forEach((key, value) -> {
                if (!TAG_KEY.matcher(key).matches() || !TAG_VALUE.matcher(value).matches()) {
                    throw new IllegalArgumentException("metric " + name + " has a malformed tag " + key);
                }
            });
            String key = sorted.isEmpty() ? name : name + sorted.toString().replace(", ", ",");
            long series = metricCounts.keySet().stream()
                    .filter(existing -> existing.equals(name) || existing.startsWith(name + "{"))
                    .count();
            if (!metricCounts.containsKey(key) && series >= MAX_SERIES_PER_NAME) {
                throw new IllegalArgumentException("metric " + name + " has more than " + MAX_SERIES_PER_NAME
                        + " tag combinations");
            }
            metricCounts.merge(key, 1L, Long::sum);
        }
    }

    /** Renders and records log lines without redaction; thread-safe. */
    private final class Log implements ConnectorLog {

        @Override
        public void debug(String format, Object... args) {
            logLines.add("DEBUG " + render(format, args));
        }

        @Override
        public void info(String format, Object... args) {
            logLines.add("INFO " + render(format, args));
        }

        @Override
        public void warn(String format, Object... args) {
            logLines.add("WARN " + render(format, args));
        }

        @Override
        public void error(String format, Object... args) {
            logLines.add("ERROR " + render(format, args));
        }

        private String render(String format, Object[] args) {
            StringBuilder line = new StringBuilder();
            int next = 0;
            int from = 0;
            for (int at = format.indexOf("{}"); at >= 0 && next < args.length; at = format.indexOf("{}", from)) {
                line.append(format, from, at).append(args[next++]);
                from = at + 2;
            }
            line.append(format.substring(from));
            if (next < args.length && args[args.length - 1] instanceof Throwable cause) {
                line.append(" | ").append(cause);
            }
            return line.toString();
        }
    }

    /**
     * Collects a {@link FakeConnectorContext}; not thread-safe. By default: fixed tenant and
     * integration ids, no settings or credentials, a clock fixed at 2026-01-01T00:00:00Z, a
     * deadline 30 seconds later, an HTTP handler that fails every send and a mail handler that
     * accepts every mail.
     */
    public static final class Builder {

        private final ConnectorDescriptor descriptor;
        private UUID tenantId = UUID.fromString("00000000-0000-0000-0000-00000000000a");
        private UUID integrationId = UUID.fromString("00000000-0000-0000-0000-00000000000b");
        private final Map<String, String> settings = new LinkedHashMap<>();
        private final Map<String, String> credentials = new HashMap<>();
        private VendorHttpClient http = request -> {
            throw new IllegalStateException("no HTTP handler configured for " + request);
        };
        private VendorMailClient mail = new VendorMailClient() {
            private int sent;

            @Override
            public synchronized String send(VendorMail message) {
                sent++;
                return "<fake-" + sent + "@leadbridge.test>";
            }
        };
        private Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        private Instant deadline;
        private URI baseUrl;
        private Duration httpTimeout = Duration.ofSeconds(10);
        private boolean httpHandlerGiven;

        private Builder(ConnectorDescriptor descriptor) {
            this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        }

        /**
         * @param tenantId the tenant id the context reports
         * @return this builder
         */
        public Builder tenantId(UUID tenantId) {
            this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
            return this;
        }

        /**
         * @param integrationId the integration id the context reports
         * @return this builder
         */
        public Builder integrationId(UUID integrationId) {
            this.integrationId = Objects.requireNonNull(integrationId, "integrationId");
            return this;
        }

        /**
         * @param name  a declared settings field
         * @param value its value (validated on {@link #build()})
         * @return this builder
         */
        public Builder setting(String name, String value) {
            settings.put(name, value);
            return this;
        }

        /**
         * @param field a declared credential field
         * @param value its value, valid for the field
         * @return this builder
         * @throws IllegalArgumentException if the field is not declared or the value is invalid
         */
        public Builder credential(String field, String value) {
            FieldSpec spec = descriptor.credentialFields().stream()
                    .filter(candidate -> candidate.name().equals(field))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("undeclared credential field " + field));
            spec.validate(value).ifPresent(problem -> {
                throw new IllegalArgumentException("credential field " + field + " " + problem);
            });
            credentials.put(field, value);
            return this;
        }

        /**
         * @param handler answers the requests the plugin sends, typically a lambda that checks the
         *                request and returns a canned {@link VendorResponse}
         * @return this builder
         */
        public Builder http(VendorHttpClient handler) {
            this.http = Objects.requireNonNull(handler, "handler");
            this.httpHandlerGiven = true;
            return this;
        }

        /**
         * Sends the plugin's requests over real HTTP to {@code baseUrl} (typically an in-process
         * vendor simulator on loopback) instead of to a handler, as the host does; see the class
         * documentation. {@link #requests()} still records the requests with injections unresolved.
         *
         * @param baseUrl the integration's base URL, absolute, without a query
         * @return this builder
         */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /**
         * @param timeout the connect and response timeout of the {@link #baseUrl} client (default
         *                10 seconds); the deadline bounds it too
         * @return this builder
         */
        public Builder httpTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.httpTimeout = timeout;
            return this;
        }

        /**
         * @param handler accepts the mails the plugin sends and returns a message id
         * @return this builder
         */
        public Builder mail(VendorMailClient handler) {
            this.mail = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * @param clock the clock the context reports and measures the deadline with
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param deadline the call's deadline (default: 30 seconds after the clock's time at
         *                 {@link #build()})
         * @return this builder
         */
        public Builder deadline(Instant deadline) {
            this.deadline = Objects.requireNonNull(deadline, "deadline");
            return this;
        }

        /**
         * @return the context
         * @throws IllegalArgumentException if a setting is undeclared or invalid, or both an HTTP
         *                                  handler and a base URL were given
         */
        public FakeConnectorContext build() {
            if (httpHandlerGiven && baseUrl != null) {
                throw new IllegalArgumentException("give either an HTTP handler or a base URL, not both");
            }
            return new FakeConnectorContext(this);
        }
    }
}
