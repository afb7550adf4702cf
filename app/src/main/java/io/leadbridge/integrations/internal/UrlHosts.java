package io.leadbridge.integrations.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Refuses URL hosts that URL parsers read differently: {@code java.net.URI} and {@code InetAddress}
 * take {@code 0177.0.0.1} as 177.0.0.1 where WHATWG URL rules (browsers, most HTTP stacks) take
 * 127.0.0.1, so a check on one reading and a call on the other would let a tenant reach an internal
 * address. Only forms every parser reads alike pass: DNS names in ASCII, four decimal octets, or a
 * bracketed IPv6 literal. Stateless and thread-safe.
 */
public final class UrlHosts {

  private static final Pattern OCTET = Pattern.compile("0|[1-9][0-9]{0,2}");
  /** WHATWG's "ends in a number": a last label of digits or 0x-hex makes the host an IPv4 parse. */
  private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");
  private static final Pattern DNS_NAME =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

  private UrlHosts() {}

  /**
   * Why the host in a URL's raw authority ({@code host}, {@code host:port}, {@code [v6]:port}) is
   * refused, or empty when every parser reads it alike. User info is refused elsewhere.
   */
  public static Optional<String> refusal(String rawAuthority) {
    String host = hostOf(rawAuthority);
    if (host.isEmpty()) {
      return Optional.of("must name a host");
    }
    if (host.startsWith("[")) {
      return Optional.empty();
    }
    if (!host.chars().allMatch(c -> c < 0x80)) {
      return Optional.of("must write its host in ASCII (an international name as xn-- punycode)");
    }
    if (host.indexOf('%') >= 0) {
      return Optional.of("must not percent-encode its host");
    }
    if (host.endsWith(".")) {
      return Optional.of("must not end its host with a dot");
    }
    String[] labels = host.split("\\.", -1);
    if (NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches()) {
      return isDottedDecimal(labels) ? Optional.empty()
          : Optional.of("must write an IPv4 host as four decimal numbers 0-255 without leading zeros");
    }
    return DNS_NAME.matcher(host).matches() && host.length() <= 253 ? Optional.empty()
        : Optional.of("must name a host of letters, digits, '-' and '.'");
  }

  private static boolean isDottedDecimal(String[] labels) {
    if (labels.length != 4) {
      return false;
    }
    for (String label : labels) {
      if (!OCTET.matcher(label).matches() || Integer.parseInt(label) > 255) {
        return false;
      }
    }
    return true;
  }

  private static String hostOf(String rawAuthority) {
    String hostAndPort = rawAuthority.substring(rawAuthority.lastIndexOf('@') + 1);
    if (hostAndPort.startsWith("[")) {
      int close = hostAndPort.indexOf(']');
      return close < 0 ? hostAndPort : hostAndPort.substring(0, close + 1);
    }
    int colon = hostAndPort.lastIndexOf(':');
    return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
  }
}
