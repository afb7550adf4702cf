package io.leadbridge.integrations.api;

import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A webhook endpoint as a request gives it; checked as a whole by the service so that one answer
 * names every field at fault. Immutable.
 *
 * @param method {@code POST} (the default), {@code PUT} or {@code PATCH}
 * @param headers non-secret headers sent with every request (secrets belong in {@code auth})
 * @param timeoutMs the longest one exchange may take, 100 to 60000; 10000 when absent
 */
public record EndpointRequest(String url, String method, @Size(max = 50) Map<String, String> headers, Integer timeoutMs) {}
