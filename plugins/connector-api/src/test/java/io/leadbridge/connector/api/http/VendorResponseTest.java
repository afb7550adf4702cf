package io.leadbridge.connector.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests response headers, body decoding and Retry-After parsing. Each test runs confined to one JUnit thread. */
class VendorResponseTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    private static VendorResponse withHeader(String name, String value) {
        return VendorResponse.of(429, Map.of(name, List.of(value)), new byte[0]);
    }

    @Test
    void headersAreCaseInsensitive() {
        VendorResponse response = VendorResponse.of(200,
                Map.of("X-HubSpot-RateLimit-Remaining", List.of("187"), "x-hubspot-ratelimit-max", List.of("190")),
                new byte[0]);

        assertThat(response.header("x-hubspot-ratelimit-remaining")).contains("187");
        assertThat(response.headers("X-HUBSPOT-RATELIMIT-MAX")).containsExactly("190");
        assertThat(response.header("missing")).isEmpty();
        assertThat(response.isSuccess()).isTrue();
    }

    @Test
    void decodesTheBodyWithItsCharset() {
        byte[] latin1 = "Müller".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(VendorResponse.of(200, Map.of("Content-Type", List.of("text/plain; charset=ISO-8859-1")), latin1)
                .bodyAsString()).isEqualTo("Müller");
        assertThat(VendorResponse.of(200, Map.of(), "Müller".getBytes(StandardCharsets.UTF_8)).bodyAsString())
                .isEqualTo("Müller");
        assertThat(VendorResponse.of(200, Map.of("Content-Type", List.of("text/plain; charset=nonsense")),
                "ok".getBytes(StandardCharsets.UTF_8)).bodyAsString()).isEqualTo("ok");
    }

    @Test
    void readsRetryAfterInSecondsOrAsADate() {
        assertThat(withHeader("Retry-After", "30").retryAfter(CLOCK)).contains(Duration.ofSeconds(30));
        assertThat(withHeader("retry-after", "Sun, 22 Nov 2026 10:02:00 GMT").retryAfter(CLOCK))
                .contains(Duration.ofMinutes(2));
        assertThat(withHeader("Retry-After", "Sun, 22 Nov 2026 09:00:00 GMT").retryAfter(CLOCK)).contains(Duration.ZERO);
        assertThat(withHeader("Retry-After", "soon").retryAfter(CLOCK)).isEmpty();
        assertThat(VendorResponse.of(429, Map.of(), new byte[0]).retryAfter(CLOCK)).isEmpty();
    }

    @Test
    void rejectsImpossibleStatusesAndPrintsNoBody() {
        assertThatThrownBy(() -> VendorResponse.of(600, Map.of(), new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThat(VendorResponse.of(400, Map.of("Content-Type", List.of("application/json")),
                "{\"email\":\"dana@example.com\"}".getBytes(StandardCharsets.UTF_8)))
                .hasToString("VendorResponse[400, application/json, 28 bytes]");
    }
}
