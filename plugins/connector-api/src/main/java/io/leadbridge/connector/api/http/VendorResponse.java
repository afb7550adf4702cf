package io.leadbridge.connector.api.http;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The vendor's answer to a {@link VendorRequest}, whatever its status: 4xx and 5xx answers are
 * responses, not exceptions, and the plugin maps them to outcomes. Immutable and thread-safe.
 *
 * <p>Header names are case-insensitive. The body is complete: the host caps its size and throws
 * {@link ResponseTooLargeException} instead of returning a cut body.
 */
public final class VendorResponse {

    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    private VendorResponse(int status, Map<String, List<String>> headers, byte[] body) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100 to 599: " + status);
        }
        this.status = status;
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.computeIfAbsent(Objects.requireNonNull(name, "header name"),
                key -> new ArrayList<>()).addAll(values));
        copy.replaceAll((name, values) -> List.copyOf(values));
        this.headers = Collections.unmodifiableMap(copy);
        this.body = body.clone();
    }

    /**
     * Creates a response; the host does, and plugin tests do.
     *
     * @param status  the HTTP status, 100 to 599
     * @param headers the headers; names that differ only in case are merged
     * @param body    the body, copied; empty for none
     * @return the response
     */
    public static VendorResponse of(int status, Map<String, List<String>> headers, byte[] body) {
        return new VendorResponse(status, Objects.requireNonNull(headers, "headers"), Objects.requireNonNull(body, "body"));
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return whether the status is 2xx */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /**
     * @param name a header name, in any case
     * @return the header's first value
     */
    public Optional<String> header(String name) {
        return headers(name).stream().findFirst();
    }

    /**
     * @param name a header name, in any case
     * @return all the header's values in order; empty if absent
     */
    public List<String> headers(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** @return all headers, names case-insensitive; unmodifiable */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** @return the {@code Content-Type} header */
    public Optional<String> contentType() {
        return header("Content-Type");
    }

    /** @return a copy of the body; empty when there is none */
    public byte[] body() {
        return body.clone();
    }

    /**
     * @return the body decoded with the {@code charset} of the content type, else UTF-8;
     *         malformed input is replaced, never thrown
     */
    public String bodyAsString() {
        return new String(body, charset());
    }

    private Charset charset() {
        for (String parameter : contentType().orElse("").split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                try {
                    return Charset.forName(pair[1].trim().replace("\"", ""));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /**
     * Reads the {@code Retry-After} header, in seconds or as an HTTP date.
     *
     * @param clock the clock to measure an HTTP date against (the context's clock)
     * @return how long to wait, never negative; empty if the header is absent or malformed
     */
    public Optional<Duration> retryAfter(Clock clock) {
        Optional<String> value = header("Retry-After").map(String::trim);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get();
        if (text.matches("[0-9]{1,10}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            ZonedDateTime date = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), date.toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VendorResponse that
                && status == that.status
                && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body));
    }

    /** @return status, content type and body size: the body may hold personal data */
    @Override
    public String toString() {
        return "VendorResponse[" + status + ", " + contentType().orElse("no content type") + ", "
                + body.length + " bytes]";
    }
}
