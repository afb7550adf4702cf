package io.leadbridge.integrations;

import io.leadbridge.errors.FieldError;
import io.leadbridge.integrations.internal.UrlHosts;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether the hub may send a tenant's data to a URL (server-side request forgery guard):
 * https only, and never to a loopback, private, link-local, cloud-metadata or otherwise internal
 * address, unless the host is allow-listed in configuration. Every address a name resolves to is
 * checked. Thread-safe.
 */
public final class BaseUrlPolicy {

  /** Resolves a host name; tests pass a fake, production uses DNS. */
  @FunctionalInterface
  public interface Resolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;
  }

  private final Set<String> allowedHosts;
  private final Resolver resolver;

  public BaseUrlPolicy(List<String> allowedHosts, Resolver resolver) {
    this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    this.resolver = resolver;
  }

  /** The policy on real DNS. */
  public static BaseUrlPolicy withDns(List<String> allowedHosts) {
    return new BaseUrlPolicy(allowedHosts, host -> List.of(InetAddress.getAllByName(host)));
  }

  /**
   * Why {@code url} is refused, or empty when the hub may call it. Reasons are for the API caller
   * and repeat nothing but the rule.
   */
  public Optional<String> refusal(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return Optional.of("must be an https URL");
    }
    if (uri.getRawAuthority() == null) {
      return Optional.of("must name a host");
    }
    if (uri.getRawAuthority().indexOf('@') >= 0) {
      return Optional.of("must not contain user credentials; use the credential fields");
    }
    Optional<String> unclearHost = UrlHosts.refusal(uri.getRawAuthority());
    if (unclearHost.isPresent()) {
      return unclearHost;
    }
    if (uri.getHost() == null) {
      return Optional.of("must name a host");
    }
    if (uri.getRawFragment() != null || uri.getRawQuery() != null) {
      return Optional.of("must not have a query or fragment");
    }
    String host = unbracket(uri.getHost().toLowerCase(Locale.ROOT));
    if (allowedHosts.contains(host)) {
      return Optional.empty();
    }
    if (!scheme.equals("https")) {
      return Optional.of("must be an https URL (plain http only for allow-listed hosts)");
    }
    List<InetAddress> addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      return Optional.of("names a host that does not resolve");
    }
    if (addresses.isEmpty()) {
      return Optional.of("names a host that does not resolve");
    }
    for (InetAddress address : addresses) {
      if (isInternal(address)) {
        return Optional.of("resolves to a private, loopback, link-local or metadata address, which is not allowed");
      }
    }
    return Optional.empty();
  }

  /**
   * The URL a request gives in {@code field}, or null after adding the reason it is refused to
   * {@code errors} (so one answer can name every field at fault).
   */
  public URI checked(String field, String given, List<FieldError> errors) {
    Optional<String> refusal = refusal(given.strip());
    if (refusal.isPresent()) {
      errors.add(new FieldError(field, refusal.get()));
      return null;
    }
    return URI.create(given.strip());
  }

  /** Whether an address is one a tenant must never make the hub call. */
  public static boolean isInternal(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0                                   // "this network"
          || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT 100.64/10
          || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
          || (first == 198 && (second == 18 || second == 19))    // benchmarking
          || first >= 240;                                       // reserved and broadcast
    }
    if (address instanceof Inet6Address) {
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc) {
        return true; // unique local fc00::/7, including AWS's fd00:ec2::254
      }
      if (isNat64(b)) {
        return true; // 64:ff9b::/96 and 64:ff9b:1::/48 translate to IPv4, metadata included
      }
      if (isMappedOrCompatibleIpv4(b)) {
        try {
          return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isNat64(byte[] b) {
    return b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
  }

  private static boolean isMappedOrCompatibleIpv4(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0);
  }

  private static String unbracket(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
