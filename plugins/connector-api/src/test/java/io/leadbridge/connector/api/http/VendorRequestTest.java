package io.leadbridge.connector.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests request validation: paths, headers, bodies and credential injections. Each test runs confined to one JUnit thread. */
class VendorRequestTest {

    @Test
    void buildsARequestWithInjectedCredentials() {
        VendorRequest request = VendorRequest.post("/crm/v3/objects/contacts/batch/upsert")
                .query("archived", "false")
                .header("Accept", "application/json")
                .jsonBody("{\"inputs\":[]}")
                .bearerCredential("accessToken")
                .build();

        assertThat(request.method()).isEqualTo(VendorRequest.Method.POST);
        assertThat(request.query()).containsExactly(Map.entry("archived", "false"));
        assertThat(request.headers().get("accept")).containsExactly("application/json");
        assertThat(request.contentType()).contains("application/json; charset=utf-8");
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("{\"inputs\":[]}");
        assertThat(request.credentials()).containsExactly(new CredentialInjection.Bearer("accessToken"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "persons", "//evil.example/x", "https://evil.example/x", "/a/../admin", "/a/./b",
        "/a/%2e%2E/admin", "/..", "/a?b=c", "/a#f", "/a b", "/a/%zz", "/a\\b"})
    void rejectsPathsThatCouldLeaveTheBaseUrl(String path) {
        assertThatThrownBy(() -> VendorRequest.get(path)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/v2/persons/42", "/sobjects/Lead/Ext__c/a%40b.com", "/a/b:c@d", "/a/.hidden"})
    void acceptsNormalPaths(String path) {
        assertThat(VendorRequest.get(path).build().path()).isEqualTo(path);
    }

    @Test
    void encodesPathSegments() {
        assertThat(VendorRequest.encodePathSegment("dana+1@example.com/x y")).isEqualTo("dana%2B1%40example.com%2Fx%20y");
        assertThat(VendorRequest.encodePathSegment("Ünïcode~_.-")).isEqualTo("%C3%9Cn%C3%AFcode~_.-");
        assertThatThrownBy(() -> VendorRequest.get("/x/" + VendorRequest.encodePathSegment("..")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Host", "content-length", "Content-Type", "Transfer-Encoding", "Connection", "bad header"})
    void rejectsHeadersTheHostControls(String name) {
        assertThatThrownBy(() -> VendorRequest.get("/").header(name, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsHeaderInjection() {
        assertThatThrownBy(() -> VendorRequest.get("/").header("X-Note", "a\r\nX-Evil: 1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsConflictingCredentialsAndBodies() {
        assertThatThrownBy(() -> VendorRequest.get("/").header("Authorization", "Bearer x").bearerCredential("t").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VendorRequest.get("/").bearerCredential("t").basicCredential("u", "p").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VendorRequest.post("/").jsonBody("{}").formCredential("client_secret", "s").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VendorRequest.get("/").jsonBody("{}").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VendorRequest.get("/").bearerCredential("not a field"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formCredentialsWithoutBodyMakeAFormBody() {
        VendorRequest token = VendorRequest.post("/services/oauth2/token")
                .body("grant_type=client_credentials".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded")
                .formCredential("client_id", "clientId")
                .formCredential("client_secret", "clientSecret")
                .build();
        VendorRequest empty = VendorRequest.post("/token").formCredential("client_secret", "clientSecret").build();

        assertThat(token.credentials()).hasSize(2);
        assertThat(empty.contentType()).contains("application/x-www-form-urlencoded");
        assertThat(empty.body()).isEmpty();
    }

    @Test
    void toStringShowsNeitherQueryNorHeadersNorBody() {
        VendorRequest request = VendorRequest.get("/api/v2/persons/search").query("term", "dana@example.com")
                .header("X-Trace", "secret-ish").build();

        assertThat(request).hasToString("VendorRequest[GET /api/v2/persons/search]");
    }

    @Test
    void isImmutable() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        VendorRequest request = VendorRequest.post("/").body(body, "application/json").build();

        body[0] = 'X';
        request.body()[0] = 'Y';

        assertThat(request.body()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> request.headers().put("A", List.of())).isInstanceOf(UnsupportedOperationException.class);
    }
}
