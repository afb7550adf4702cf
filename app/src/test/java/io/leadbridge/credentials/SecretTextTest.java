package io.leadbridge.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.credentials.SecretText.Rule;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Which characters each rule lets a secret hold, checked without the value ever leaving the secret. */
class SecretTextTest {

  private static final String CANARY = "CANARY-" + UUID.randomUUID();

  @Test
  void aSingleLineSecretRefusesEveryControlCharacter() {
    assertThat(SecretText.problem(SecretValue.of(CANARY + " with spaces & ünïcödé €"), Rule.SINGLE_LINE)).isEmpty();
    for (String bad : new String[] {"\n", "\r\n", "\r", "\u0000", "\t", "\u0007", "\u007f", "\u0085", "\u009f"}) {
      assertThat(SecretText.problem(SecretValue.of(CANARY + bad + "tail"), Rule.SINGLE_LINE))
          .as("U+%04X", (int) bad.charAt(0)).contains(Rule.SINGLE_LINE.problem());
    }
    assertThat(SecretText.problem(SecretValue.of(CANARY + "\n"), Rule.SINGLE_LINE)).isPresent();
  }

  @Test
  void aMultiLineSecretTakesLineBreaksAndTabsOnly() {
    // Shaped like a PEM block (CR LF, LF, a tab), with no real-looking key marker in it.
    String pem = "-----BEGIN TEST BLOCK-----\r\nMIIE" + CANARY + "\n\tAB==\n-----END TEST BLOCK-----\n";
    assertThat(SecretText.problem(SecretValue.of(pem), Rule.MULTI_LINE)).isEmpty();
    assertThat(SecretText.problem(SecretValue.of(pem), Rule.SINGLE_LINE)).isPresent();
    for (String bad : new String[] {"\u0000", "\u001b", "\u007f", "\u0085"}) {
      assertThat(SecretText.problem(SecretValue.of(pem + bad), Rule.MULTI_LINE)).contains(Rule.MULTI_LINE.problem());
    }
  }

  @Test
  void aHeaderValueIsPrintableAsciiWithoutOuterSpaces() {
    assertThat(SecretText.problem(SecretValue.of(CANARY + " inner space ~!"), Rule.HEADER_VALUE)).isEmpty();
    for (String bad : new String[] {CANARY + "\n", CANARY + "\r\nX-Injected: 1", CANARY + "\u0000", CANARY + "\t",
        CANARY + "é", CANARY + "€", " " + CANARY, CANARY + " ", CANARY + "\u007f"}) {
      assertThat(SecretText.problem(SecretValue.of(bad), Rule.HEADER_VALUE)).contains(Rule.HEADER_VALUE.problem());
    }
  }

  @Test
  void problemsAndMatchesNeverQuoteTheValueAndLeaveTheSecretIntact() {
    SecretValue secret = SecretValue.of(CANARY + "\r\n");
    for (Rule rule : Rule.values()) {
      assertThat(SecretText.problem(secret, rule).orElse("")).doesNotContain("CANARY");
    }
    assertThat(SecretText.matches(SecretValue.of("pat-" + "a1-b2"), Pattern.compile("pat-[a-z0-9-]+"))).isTrue();
    assertThat(SecretText.matches(SecretValue.of(CANARY), Pattern.compile("pat-[a-z0-9-]+"))).isFalse();
    assertThat(SecretText.matches(SecretValue.ofUtf8(new byte[] {(byte) 0xff}), Pattern.compile(".*"))).isFalse();
    assertThat(secret).isEqualTo(SecretValue.of(CANARY + "\r\n"));
  }
}
