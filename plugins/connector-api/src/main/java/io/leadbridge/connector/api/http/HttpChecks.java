package io.leadbridge.connector.api.http;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** Argument checks shared by this package's request types; stateless and thread-safe. */
final class HttpChecks {

    /** A credential field name, as {@link io.leadbridge.connector.api.FieldSpec#NAME}. */
    private static final Pattern FIELD = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");

    /** An HTTP token (RFC 9110), the syntax of a header name. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** Headers the host sets itself; a plugin may not. */
    private static final Set<String> HOST_HEADERS = Set.of("host", "content-length", "content-type",
            "transfer-encoding", "connection", "expect", "upgrade", "te", "trailer", "keep-alive",
            "proxy-authorization", "proxy-connection");

    private HttpChecks() {
    }

    /** Returns a credential field name, rejecting malformed ones. */
    static String fieldName(String field) {
        Objects.requireNonNull(field, "field");
        if (!FIELD.matcher(field).matches()) {
            throw new IllegalArgumentException("not a credential field name: " + field);
        }
        return field;
    }

    /** Returns a header name, rejecting malformed names and headers the host sets. */
    static String headerName(String name) {
        Objects.requireNonNull(name, "header name");
        if (!TOKEN.matcher(name).matches()) {
            throw new IllegalArgumentException("not a valid header name: " + name);
        }
        if (HOST_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("the host sets header " + name);
        }
        return name;
    }

    /** Returns a header value, rejecting line breaks and NUL (header injection). */
    static String headerValue(String name, String value) {
        Objects.requireNonNull(value, "header value");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException("header " + name + " has a line break or NUL in its value");
            }
        }
        return value;
    }
}
