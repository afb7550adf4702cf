package io.leadbridge.simulators.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An immutable HTTP response a simulator wants sent; thread-safe. */
public final class SimResponse {
  private final int status;
  private final Map<String, List<String>> headers;
  private final byte[] body;

  private SimResponse(int status, Map<String, List<String>> headers, byte[] body) {
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  public static SimResponse of(int status, String contentType, byte[] body) {
    return new SimResponse(status, Map.of("Content-Type", List.of(contentType)), body.clone());
  }

  public static SimResponse plainText(int status, String text) {
    return of(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  /** A copy with one more header value; headers a response already has are kept. */
  public SimResponse withHeader(String name, String value) {
    Map<String, List<String>> copy = new LinkedHashMap<>(headers);
    List<String> values = new ArrayList<>(copy.getOrDefault(name, List.of()));
    values.add(value);
    copy.put(name, List.copyOf(values));
    return new SimResponse(status, Map.copyOf(copy), body);
  }

  public int status() {
    return status;
  }

  public Map<String, List<String>> headers() {
    return headers;
  }

  int bodyLength() {
    return body.length;
  }

  byte[] bodyUnsafe() {
    return body;
  }
}
