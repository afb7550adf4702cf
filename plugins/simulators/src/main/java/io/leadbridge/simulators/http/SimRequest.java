package io.leadbridge.simulators.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An immutable, fully read HTTP request, so simulators can handle it on any thread after the socket read; thread-safe. */
public final class SimRequest {
  private final String method;
  private final String path;
  private final String rawQuery;
  private final Map<String, List<String>> query;
  private final Map<String, List<String>> headers;
  private final byte[] body;

  private SimRequest(
      String method, URI uri, Map<String, List<String>> headers, byte[] body) {
    this.method = method;
    this.path = uri.getPath() == null ? "/" : uri.getPath();
    this.rawQuery = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    this.query = parseQuery(rawQuery);
    this.headers = headers;
    this.body = body;
  }

  /** Reads the whole request body; the exchange stays open for a later response. */
  static SimRequest read(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
    return new SimRequest(
        exchange.getRequestMethod(), exchange.getRequestURI(), Collections.unmodifiableMap(headers), body);
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  /** The query string exactly as sent (still percent-encoded), or an empty string. */
  public String rawQuery() {
    return rawQuery;
  }

  public Optional<String> queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** All values of a header, in arrival order; empty when absent. */
  public List<String> headerValues(String name) {
    return headers.getOrDefault(name, List.of());
  }

  public byte[] body() {
    return body.clone();
  }

  private static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
