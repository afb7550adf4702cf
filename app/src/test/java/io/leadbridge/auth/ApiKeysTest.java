package io.leadbridge.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeysTest {

  @Test
  void mintedKeysHave256RandomBitsAndOnlyTheirHashIsKept() {
    Set<String> secrets = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      ApiKeys.MintedKey minted = ApiKeys.mint();
      ApiKeys.PresentedKey parsed = ApiKeys.parse(minted.key()).orElseThrow();
      assertThat(parsed.keyId()).isEqualTo(minted.keyId());
      assertThat(parsed.secret()).hasSize(64);
      assertThat(secrets.add(parsed.secret())).isTrue();
      assertThat(minted.secretHash()).doesNotContain(parsed.secret());
      assertThat(ApiKeys.matches(parsed.secret(), minted.secretHash())).isTrue();
    }
  }

  @Test
  void aSecretWithOneDigitChangedDoesNotMatch() {
    ApiKeys.MintedKey minted = ApiKeys.mint();
    String secret = ApiKeys.parse(minted.key()).orElseThrow().secret();
    String altered = (secret.charAt(0) == 'a' ? 'b' : 'a') + secret.substring(1);
    assertThat(ApiKeys.matches(altered, minted.secretHash())).isFalse();
  }

  @Test
  void toStringNeverShowsTheKey() {
    ApiKeys.MintedKey minted = ApiKeys.mint();
    assertThat(minted.toString()).doesNotContain(minted.key().substring(36));
    assertThat(ApiKeys.parse(minted.key()).orElseThrow().toString()).doesNotContain(minted.key().substring(36));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "lb_", "lb_abc_def", "LB_00000000000000000000000000000000_" + "0", "xx_0123456789abcdef0123456789abcdef_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
      "lb_0123456789abcdef0123456789abcdef_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeF",
      "lb_0123456789abcdef0123456789abcdef_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef "})
  void malformedKeysDoNotParse(String presented) {
    assertThat(ApiKeys.parse(presented)).isEmpty();
  }
}
