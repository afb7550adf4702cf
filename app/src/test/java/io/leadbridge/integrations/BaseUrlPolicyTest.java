package io.leadbridge.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SSRF guard on base URLs, with a fake resolver so no test depends on real DNS. */
class BaseUrlPolicyTest {

  private static final Map<String, String> DNS = Map.of(
      "api.hubapi.com", "104.16.0.1",
      "crm.example.com", "93.184.216.34",
      "xn--bcher-kva.example.com", "93.184.216.35",
      "rebind.example.com", "10.1.2.3",
      "metadata.example.com", "169.254.169.254",
      "v6-private.example.com", "fd00:ec2::254",
      "mapped.example.com", "::ffff:127.0.0.1");

  private final BaseUrlPolicy policy = new BaseUrlPolicy(List.of("127.0.0.1", "Sim.Local"), host -> {
    String address = DNS.get(host);
    return List.of(InetAddress.getByName(address == null ? host : address));
  });

  @ParameterizedTest(name = "{0} is allowed")
  @CsvSource({
      "https://api.hubapi.com",
      "https://crm.example.com/api/v2",
      "https://crm.example.com:8443/base",
      "http://127.0.0.1:9100",
      "http://sim.local:9100",
      "https://93.184.216.34",
      "https://[2606:2800:220:1:248:1893:25c8:1946]",
      "https://xn--bcher-kva.example.com"})
  void allowed(String url) {
    assertThat(policy.refusal(url)).isEmpty();
  }

  @ParameterizedTest(name = "{0} is refused: {1}")
  @CsvSource(delimiter = '|', value = {
      "http://crm.example.com | https",
      "ftp://crm.example.com | https",
      "file:///etc/passwd | https",
      "https://user:pw@crm.example.com | user credentials",
      "https://crm.example.com/?a=b | query",
      "https://localhost | private, loopback",
      "https://127.0.0.2 | private, loopback",
      "https://10.0.0.1 | private, loopback",
      "https://172.16.5.4 | private, loopback",
      "https://192.168.1.1 | private, loopback",
      "https://169.254.169.254/latest/meta-data | private, loopback",
      "https://metadata.example.com | private, loopback",
      "https://rebind.example.com | private, loopback",
      "https://100.64.0.1 | private, loopback",
      "https://0.0.0.0 | private, loopback",
      "https://[::1] | private, loopback",
      "https://[fe80::1] | private, loopback",
      "https://[64:ff9b::a9fe:a9fe] | private, loopback",
      "https://v6-private.example.com | private, loopback",
      "https://mapped.example.com | private, loopback",
      "https://no-such-host.invalid | does not resolve",
      "https://0177.0.0.1 | four decimal numbers",
      "https://0x7f.0.0.1 | four decimal numbers",
      "https://0x7f000001 | four decimal numbers",
      "https://2130706433 | four decimal numbers",
      "https://127.1 | four decimal numbers",
      "https://127.0.0.01 | four decimal numbers",
      "https://93.184.216.034 | four decimal numbers",
      "https://256.1.1.1 | four decimal numbers",
      "https://crm.example.123 | four decimal numbers",
      "https://crm.example.com. | end its host with a dot",
      "https://cr%6d.example.com | percent-encode",
      "https://b\u00fccher.example | ASCII",
      "https://crm_1.example.com | letters, digits",
      "https://crm.example.com@127.0.0.1 | user credentials",
      "not a url | valid URL",
      "https:/// | host"})
  void refused(String url, String reason) {
    assertThat(policy.refusal(url)).hasValueSatisfying(r -> assertThat(r).contains(reason));
  }
}
