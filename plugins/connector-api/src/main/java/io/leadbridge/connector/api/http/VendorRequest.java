package io.leadbridge.connector.api.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request to the integration's vendor, relative to its pinned base URL; exists so that a
 * plugin states what to send and the host decides how, where and with which credentials.
 * Immutable and thread-safe.
 *
 * <ul>
 *   <li><b>Path</b>: absolute path relative to the base URL, starting with {@code /}; appended to
 *       the base URL's own path ({@code https://example.com/api} + {@code /v2/persons}). Already
 *       percent-encoded where needed (see {@link #encodePathSegment}); no query, no fragment, no
 *       {@code .} or {@code ..} segments. Keep personal data out of the path (use ids): the host
 *       logs the method and path.</li>
 *   <li><b>Query</b>: name/value pairs in order; the host percent-encodes them. The host never
 *       logs the query.</li>
 *   <li><b>Headers</b>: any but those the host controls ({@code Host}, {@code Content-Length},
 *       {@code Content-Type} (set it with the body), {@code Connection}, {@code Transfer-Encoding}
 *       and the like). The host never logs header values.</li>
 *   <li><b>Body</b>: bytes with their content type, at most {@value #MAX_BODY_BYTES} bytes; none
 *       on {@code GET}.</li>
 *   <li><b>Credentials</b>: {@link CredentialInjection}s the host fills in at send time.</li>
 * </ul>
 */
public final class VendorRequest {

    /** Largest body accepted, in bytes (before the host adds form credentials). */
    public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String HEX = "0123456789ABCDEF";

    private final Method method;
    private final String path;
    private final List<Map.Entry<String, String>> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final Optional<String> contentType;
    private final List<CredentialInjection> credentials;

    private VendorRequest(Builder builder) {
        this.method = builder.method;
        this.path = builder.path;
        this.query = List.copyOf(builder.query);
        TreeMap<String, List<String>> headerCopy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        builder.headers.forEach((name, values) -> headerCopy.put(name, List.copyOf(values)));
        this.headers = Collections.unmodifiableMap(headerCopy);
        this.credentials = List.copyOf(builder.credentials);
        boolean form = credentials.stream().anyMatch(CredentialInjection.FormParam.class::isInstance);
        if (form && builder.contentType == null) {
            this.body = new byte[0];
            this.contentType = Optional.of(FORM);
        } else {
            this.body = builder.body == null ? new byte[0] : builder.body;
            this.contentType = Optional.ofNullable(builder.contentType);
        }
        if (form && !contentType.orElseThrow().toLowerCase(Locale.ROOT).startsWith(FORM)) {
            throw new IllegalArgumentException("form credentials need a " + FORM + " body");
        }
        if (method == Method.GET && body.length > 0) {
            throw new IllegalArgumentException("a GET request has no body");
        }
        checkCredentialHeaders();
    }

    private void checkCredentialHeaders() {
        List<String> targets = new ArrayList<>(headers.keySet());
        for (CredentialInjection injection : credentials) {
            if (injection instanceof CredentialInjection.Bearer || injection instanceof CredentialInjection.Basic) {
                targets.add("Authorization");
            } else if (injection instanceof CredentialInjection.Header header) {
                targets.add(header.header());
            }
        }
        TreeMap<String, Boolean> seen = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String target : targets) {
            if (seen.put(target, Boolean.TRUE) != null) {
                throw new IllegalArgumentException("header " + target + " is set more than once by credentials");
            }
        }
    }

    /**
     * @param path the path, as described above
     * @return a builder for a {@code GET}
     */
    public static Builder get(String path) {
        return new Builder(Method.GET, path);
    }

    /**
     * @param path the path, as described above
     * @return a builder for a {@code POST}
     */
    public static Builder post(String path) {
        return new Builder(Method.POST, path);
    }

    /**
     * @param path the path, as described above
     * @return a builder for a {@code PUT}
     */
    public static Builder put(String path) {
        return new Builder(Method.PUT, path);
    }

    /**
     * @param path the path, as described above
     * @return a builder for a {@code PATCH}
     */
    public static Builder patch(String path) {
        return new Builder(Method.PATCH, path);
    }

    /**
     * @param path the path, as described above
     * @return a builder for a {@code DELETE}
     */
    public static Builder delete(String path) {
        return new Builder(Method.DELETE, path);
    }

    /**
     * Percent-encodes one path segment (RFC 3986): everything except unreserved characters, so
     * that a value such as an external id can be put into a path safely. A value of {@code .} or
     * {@code ..} stays a dot segment, which the builder rejects.
     *
     * @param segment the raw segment
     * @return the encoded segment
     */
    public static String encodePathSegment(String segment) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
            }
        }
        return encoded.toString();
    }

    /** @return the method */
    public Method method() {
        return method;
    }

    /** @return the path relative to the base URL, starting with {@code /} */
    public String path() {
        return path;
    }

    /** @return the query parameters in order, not yet encoded; unmodifiable */
    public List<Map.Entry<String, String>> query() {
        return query;
    }

    /** @return the headers, names case-insensitive, values in order; unmodifiable */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** @return a copy of the body; empty when there is none */
    public byte[] body() {
        return body.clone();
    }

    /** @return the body's content type; present whenever the body is not empty */
    public Optional<String> contentType() {
        return contentType;
    }

    /** @return the credentials the host puts in at send time; unmodifiable */
    public List<CredentialInjection> credentials() {
        return credentials;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VendorRequest that
                && method == that.method
                && path.equals(that.path)
                && query.equals(that.query)
                && headers.equals(that.headers)
                && Arrays.equals(body, that.body)
                && contentType.equals(that.contentType)
                && credentials.equals(that.credentials);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, query, headers, Arrays.hashCode(body), contentType, credentials);
    }

    /** @return the method and path only: query, headers and body may hold personal data */
    @Override
    public String toString() {
        return "VendorRequest[" + method + " " + path + "]";
    }

    /** The HTTP methods a connector may use. Immutable and thread-safe. */
    public enum Method {
        /** Read. */
        GET,
        /** Create or act. */
        POST,
        /** Replace. */
        PUT,
        /** Update or upsert. */
        PATCH,
        /** Remove. */
        DELETE
    }

    /** Collects a {@link VendorRequest}; not thread-safe. */
    public static final class Builder {

        private final Method method;
        private final String path;
        private final List<Map.Entry<String, String>> query = new ArrayList<>();
        private final TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private byte[] body;
        private String contentType;
        private final List<CredentialInjection> credentials = new ArrayList<>();

        private Builder(Method method, String path) {
            this.method = method;
            this.path = checkPath(path);
        }

        private static String checkPath(String path) {
            Objects.requireNonNull(path, "path");
            if (!path.startsWith("/") || path.startsWith("//")) {
                throw new IllegalArgumentException("path must start with a single /: " + path);
            }
            for (String segment : path.substring(1).split("/", -1)) {
                checkSegment(segment, path);
            }
            return path;
        }

        private static void checkSegment(String segment, String path) {
            StringBuilder decodedDots = new StringBuilder();
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (c == '%') {
                    if (i + 2 >= segment.length() || HEX.indexOf(Character.toUpperCase(segment.charAt(i + 1))) < 0
                            || HEX.indexOf(Character.toUpperCase(segment.charAt(i + 2))) < 0) {
                        throw new IllegalArgumentException("bad percent-encoding in path: " + path);
                    }
                    String encoded = segment.substring(i + 1, i + 3);
                    decodedDots.append(encoded.equalsIgnoreCase("2e") ? '.' : '%');
                    i += 2;
                } else if (isPathChar(c)) {
                    decodedDots.append(c);
                } else {
                    throw new IllegalArgumentException("character '" + c + "' must be percent-encoded in path: " + path);
                }
            }
            String decoded = decodedDots.toString();
            if (decoded.equals(".") || decoded.equals("..")) {
                throw new IllegalArgumentException("dot segments are not allowed in path: " + path);
            }
        }

        private static boolean isPathChar(char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
        }

        /**
         * Adds a query parameter after those added so far.
         *
         * @param name  the name, not encoded; not empty
         * @param value the value, not encoded; may be empty
         * @return this builder
         */
        public Builder query(String name, String value) {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("query parameter name must not be empty");
            }
            query.add(Map.entry(name, Objects.requireNonNull(value, "value")));
            return this;
        }

        /**
         * Adds a header value after any earlier ones of the same name.
         *
         * @param name  the header name; not one the host controls
         * @param value the value; no line breaks
         * @return this builder
         */
        public Builder header(String name, String value) {
            HttpChecks.headerName(name);
            headers.computeIfAbsent(name, key -> new ArrayList<>()).add(HttpChecks.headerValue(name, value));
            return this;
        }

        /**
         * Sets the body.
         *
         * @param content     the bytes, copied; at most {@value VendorRequest#MAX_BODY_BYTES}
         * @param contentType the content type, such as {@code application/json}
         * @return this builder
         */
        public Builder body(byte[] content, String contentType) {
            Objects.requireNonNull(content, "content");
            if (content.length > MAX_BODY_BYTES) {
                throw new IllegalArgumentException("body larger than " + MAX_BODY_BYTES + " bytes");
            }
            this.contentType = HttpChecks.headerValue("Content-Type", Objects.requireNonNull(contentType, "contentType"));
            this.body = content.clone();
            return this;
        }

        /**
         * Sets a JSON body, {@code application/json; charset=utf-8}.
         *
         * @param json the JSON text
         * @return this builder
         */
        public Builder jsonBody(String json) {
            return body(json.getBytes(StandardCharsets.UTF_8), "application/json; charset=utf-8");
        }

        /**
         * Asks the host to send {@code Authorization: Bearer <value of field>}.
         *
         * @param field the credential field
         * @return this builder
         */
        public Builder bearerCredential(String field) {
            credentials.add(new CredentialInjection.Bearer(field));
            return this;
        }

        /**
         * Asks the host to send {@code <header>: <value of field>}.
         *
         * @param header the header name
         * @param field  the credential field
         * @return this builder
         */
        public Builder headerCredential(String header, String field) {
            credentials.add(new CredentialInjection.Header(header, field));
            return this;
        }

        /**
         * Asks the host to send {@code Authorization: Basic} with two credential fields.
         *
         * @param userField     the credential field holding the user name or client id
         * @param passwordField the credential field holding the password or client secret
         * @return this builder
         */
        public Builder basicCredential(String userField, String passwordField) {
            credentials.add(new CredentialInjection.Basic(userField, passwordField));
            return this;
        }

        /**
         * Asks the host to append {@code <param>=<value of field>} to the form body. Without a
         * body, the body is an empty {@code application/x-www-form-urlencoded} form.
         *
         * @param param the form parameter name
         * @param field the credential field
         * @return this builder
         */
        public Builder formCredential(String param, String field) {
            credentials.add(new CredentialInjection.FormParam(param, field));
            return this;
        }

        /**
         * @return the request
         * @throws IllegalArgumentException if the parts contradict each other (a body on
         *                                  {@code GET}, form credentials on another content type,
         *                                  one header set twice by credentials)
         */
        public VendorRequest build() {
            return new VendorRequest(this);
        }
    }
}
