package io.leadbridge.connector.api.testing;

import io.leadbridge.connector.api.http.CredentialInjection;
import io.leadbridge.connector.api.http.RedirectRefusedException;
import io.leadbridge.connector.api.http.ResponseTooLargeException;
import io.leadbridge.connector.api.http.VendorConnectionException;
import io.leadbridge.connector.api.http.VendorHttpClient;
import io.leadbridge.connector.api.http.VendorHttpException;
import io.leadbridge.connector.api.http.VendorRequest;
import io.leadbridge.connector.api.http.VendorResponse;
import io.leadbridge.connector.api.http.VendorTimeoutException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A real HTTP client for plugin tests that behaves like the host's on the wire, so a connector can
 * be tested against an in-process vendor simulator: it resolves paths against one base URL,
 * injects credentials at send time, applies a timeout bounded by the call's deadline, caps the
 * response body and follows redirects only within the base URL's origin. Thread-safe.
 *
 * <p>It speaks HTTP/1.1 only (simulators on {@code com.sun.net.httpserver} do not speak h2c) and
 * has no rate limiter: a test sees the vendor's own 429s.
 */
final class PinnedHttpClient implements VendorHttpClient {

    /** The response body cap, as the host's default. */
    static final int RESPONSE_LIMIT_BYTES = 1024 * 1024;

    private static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final URI baseUrl;
    private final Duration timeout;
    private final Function<String, String> credentialValues;
    private final Supplier<Duration> timeLeft;
    private final HttpClient client;

    /**
     * @param baseUrl          the integration's base URL; its path prefixes every request path
     * @param timeout          the connect and response timeout
     * @param credentialValues the value of each credential field the request names
     * @param timeLeft         how long until the call's deadline
     */
    PinnedHttpClient(URI baseUrl, Duration timeout, Function<String, String> credentialValues,
            Supplier<Duration> timeLeft) {
        if (baseUrl.getScheme() == null || baseUrl.getRawAuthority() == null || baseUrl.getRawQuery() != null) {
            throw new IllegalArgumentException("baseUrl must be an absolute URL without a query: " + baseUrl);
        }
        this.baseUrl = baseUrl;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.credentialValues = credentialValues;
        this.timeLeft = timeLeft;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public VendorResponse send(VendorRequest request) throws VendorHttpException {
        String method = request.method().name();
        byte[] body = withFormCredentials(request);
        URI target = URI.create(baseUrl.getScheme() + "://" + baseUrl.getRawAuthority() + basePath()
                + request.path() + query(request));
        for (int redirects = 0; ; redirects++) {
            HttpResponse<InputStream> response = exchange(request, method, target, body);
            Optional<String> location = response.headers().firstValue("Location");
            if (!REDIRECTS.contains(response.statusCode()) || location.isEmpty()) {
                return read(request, response);
            }
            close(response);
            URI next = target.resolve(location.get());
            if (redirects == MAX_REDIRECTS || !sameOrigin(next)) {
                throw new RedirectRefusedException(response.statusCode());
            }
            if (response.statusCode() != 307 && response.statusCode() != 308) {
                // As browsers and the host do: 301, 302 and 303 continue as a GET without a body.
                method = "GET";
                body = new byte[0];
            }
            target = next;
        }
    }

    private String basePath() {
        String path = Optional.ofNullable(baseUrl.getRawPath()).orElse("");
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String query(VendorRequest request) {
        if (request.query().isEmpty()) {
            return "";
        }
        return request.query().stream()
                .map(pair -> encode(pair.getKey()) + "=" + encode(pair.getValue()))
                .collect(Collectors.joining("&", "?", ""));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private byte[] withFormCredentials(VendorRequest request) {
        StringBuilder form = new StringBuilder(new String(request.body(), StandardCharsets.UTF_8));
        boolean any = false;
        for (CredentialInjection injection : request.credentials()) {
            if (injection instanceof CredentialInjection.FormParam param) {
                form.append(form.length() > 0 ? "&" : "").append(encode(param.param())).append('=')
                        .append(encode(credentialValues.apply(param.field())));
                any = true;
            }
        }
        return any ? form.toString().getBytes(StandardCharsets.UTF_8) : request.body();
    }

    private HttpResponse<InputStream> exchange(VendorRequest request, String method, URI target, byte[] body)
            throws VendorHttpException {
        Duration left = timeLeft.get();
        if (left.isNegative() || left.isZero()) {
            throw new VendorTimeoutException(describe(request) + ": the call's deadline has passed", null);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .timeout(left.compareTo(timeout) < 0 ? left : timeout)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        request.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        if (body.length > 0) {
            request.contentType().ifPresent(type -> builder.header("Content-Type", type));
        }
        authorization(request).forEach(builder::header);
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new VendorTimeoutException(describe(request) + " timed out", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VendorTimeoutException(describe(request) + " was interrupted", null);
        } catch (IOException e) {
            throw new VendorConnectionException(describe(request) + " failed: " + e.getClass().getSimpleName(), null);
        }
    }

    private Map<String, String> authorization(VendorRequest request) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (CredentialInjection injection : request.credentials()) {
            if (injection instanceof CredentialInjection.Bearer bearer) {
                headers.put("Authorization", "Bearer " + credentialValues.apply(bearer.field()));
            } else if (injection instanceof CredentialInjection.Header header) {
                headers.put(header.header(), credentialValues.apply(header.field()));
            } else if (injection instanceof CredentialInjection.Basic basic) {
                String pair = credentialValues.apply(basic.userField()) + ":"
                        + credentialValues.apply(basic.passwordField());
                headers.put("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return headers;
    }

    private static VendorResponse read(VendorRequest request, HttpResponse<InputStream> response)
            throws VendorHttpException {
        try (InputStream in = response.body()) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                if (body.size() + n > RESPONSE_LIMIT_BYTES) {
                    throw new ResponseTooLargeException(response.statusCode(), RESPONSE_LIMIT_BYTES);
                }
                body.write(chunk, 0, n);
            }
            return VendorResponse.of(response.statusCode(), response.headers().map(), body.toByteArray());
        } catch (IOException e) {
            throw new VendorConnectionException(describe(request) + ": the response broke off: "
                    + e.getClass().getSimpleName(), null);
        }
    }

    private boolean sameOrigin(URI next) {
        return baseUrl.getScheme().equalsIgnoreCase(Objects.requireNonNullElse(next.getScheme(), ""))
                && baseUrl.getRawAuthority().equalsIgnoreCase(Objects.requireNonNullElse(next.getRawAuthority(), ""));
    }

    private static void close(HttpResponse<InputStream> response) {
        try (InputStream redirectBody = response.body()) {
            redirectBody.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // A redirect's body is dropped; a broken one changes nothing about where to go next.
        }
    }

    private static String describe(VendorRequest request) {
        return request.method() + " " + request.path();
    }
}
