package io.leadbridge.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sends bytes to a hub over a plain socket and reads back one response, for requests that
 * {@code java.net.http.HttpClient} would refuse to send or would normalise (double slashes, dot
 * segments, control characters, broken request lines); thread-safe (stateless).
 */
public final class RawHttp {

  private static final int TIMEOUT_MILLIS = 10_000;

  private final int port;

  public RawHttp(int port) {
    this.port = port;
  }

  /**
   * A request line and headers, each given without its CRLF, and no body; a {@code Host} header is
   * added unless one is given.
   */
  public Response send(String requestLine, String... headers) {
    return sendWithBody(requestLine, null, headers);
  }

  /** As {@link #send(String, String...)}, with a UTF-8 body and its {@code Content-Length}; body may be null. */
  public Response sendWithBody(String requestLine, String body, String... headers) {
    StringBuilder head = new StringBuilder(requestLine).append("\r\n");
    if (Arrays.stream(headers).noneMatch(h -> h.regionMatches(true, 0, "Host:", 0, 5))) {
      head.append("Host: 127.0.0.1:").append(port).append("\r\n");
    }
    for (String header : headers) {
      head.append(header).append("\r\n");
    }
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (body != null) {
      head.append("Content-Length: ").append(content.length).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] request = Arrays.copyOf(start, start.length + content.length);
    System.arraycopy(content, 0, request, start.length, content.length);
    return sendBytes(request);
  }

  /** Exactly these bytes, nothing added. */
  private Response sendBytes(byte[] request) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      return Response.parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads until the server closes; a reset after the answer (it closed without reading all) ends it too. */
  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
      }
    } catch (SocketException reset) {
      if (out.size() == 0) {
        throw reset;
      }
    }
    return out.toByteArray();
  }

  /** One parsed response: status, headers in order, body as text; immutable. */
  public record Response(int status, List<String[]> headers, String body, String raw) {

    static Response parse(byte[] bytes) {
      String raw = new String(bytes, StandardCharsets.ISO_8859_1);
      int end = raw.indexOf("\r\n\r\n");
      if (!raw.startsWith("HTTP/1.1 ") || end < 0) {
        throw new IllegalStateException("not an HTTP response: [" + raw + "]");
      }
      String[] lines = raw.substring(0, end).split("\r\n");
      int status = Integer.parseInt(lines[0].substring(9, 12));
      List<String[]> headers = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.add(new String[] {lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()});
      }
      String body = new String(bytes, end + 4, bytes.length - end - 4, StandardCharsets.UTF_8);
      Response response = new Response(status, List.copyOf(headers), body, raw);
      boolean chunked = response.header("Transfer-Encoding").filter(v -> v.equalsIgnoreCase("chunked")).isPresent();
      return chunked ? new Response(status, response.headers(), dechunked(body), raw) : response;
    }

    /** Joins the chunks of a chunked body (sizes in hex, each chunk followed by CRLF). */
    private static String dechunked(String body) {
      StringBuilder joined = new StringBuilder();
      int at = 0;
      while (at < body.length()) {
        int lineEnd = body.indexOf("\r\n", at);
        int size = Integer.parseInt(body.substring(at, lineEnd).split(";")[0].trim(), 16);
        if (size == 0) {
          break;
        }
        joined.append(body, lineEnd + 2, lineEnd + 2 + size);
        at = lineEnd + 2 + size + 2;
      }
      return joined.toString();
    }

    /** The first value of a header, matched without regard to case. */
    public Optional<String> header(String name) {
      String wanted = name.toLowerCase(Locale.ROOT);
      return headers.stream().filter(h -> h[0].toLowerCase(Locale.ROOT).equals(wanted)).map(h -> h[1]).findFirst();
    }
  }
}
