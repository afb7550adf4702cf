package io.leadbridge.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SecretValue cannot be printed, serialized or compared in a way that leaks it. */
class SecretValueTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  record Holder(String name, SecretValue token) {}

  @Test
  void toStringIsMaskedAndStringConcatenationShowsNothing() {
    SecretValue secret = SecretValue.of("pat-na1-very-secret");

    assertThat(secret.toString()).isEqualTo("SecretValue[****]");
    assertThat("token=" + secret).doesNotContain("very-secret");
    assertThat(new Holder("hubspot", secret).toString()).doesNotContain("very-secret");
    assertThat(String.format("%s", Map.of("t", secret))).doesNotContain("very-secret");
  }

  @Test
  void jacksonRefusesToSerializeItAloneOrInsideAnything() {
    SecretValue secret = SecretValue.of("pat-na1-very-secret");

    assertThatThrownBy(() -> JSON.writeValueAsString(secret))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("never serialized")
        .hasMessageNotContaining("very-secret");
    assertThatThrownBy(() -> JSON.writeValueAsString(new Holder("x", secret)))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageNotContaining("very-secret");
    assertThatThrownBy(() -> JSON.writeValueAsString(Map.of("token", secret)))
        .isInstanceOf(JsonMappingException.class);
  }

  @Test
  void jacksonReadsItFromAStringAndRejectsOtherShapesWithoutEchoingThem() throws Exception {
    Holder holder = JSON.readValue("{\"name\":\"x\",\"token\":\"abc\\u00e9\"}", Holder.class);

    assertThat(holder.token()).isEqualTo(SecretValue.of("abc\u00e9"));
    assertThatThrownBy(() -> JSON.readValue("{\"name\":\"x\",\"token\":12345678}", Holder.class))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageNotContaining("12345678");
  }

  @Test
  void equalsComparesContentAndHashCodeRevealsNothing() {
    assertThat(SecretValue.of("a-secret")).isEqualTo(SecretValue.of("a-secret"));
    assertThat(SecretValue.of("a-secret")).isNotEqualTo(SecretValue.of("b-secret"));
    assertThat(SecretValue.of("a-secret")).isNotEqualTo(SecretValue.of("a-secret-longer"));
    assertThat(SecretValue.of("a").hashCode()).isEqualTo(SecretValue.of("zzzz").hashCode());
    assertThat(SecretValue.of(new char[] {'a', 'b'})).isEqualTo(SecretValue.ofUtf8("ab".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void revealGivesACopyAndWipeZeroesTheSecret() {
    SecretValue secret = SecretValue.of("abc");
    byte[] revealed = secret.reveal();
    revealed[0] = 'X';

    assertThat(secret.reveal()).isEqualTo("abc".getBytes(StandardCharsets.UTF_8));
    secret.wipe();
    assertThat(secret.isWiped()).isTrue();
    assertThatThrownBy(secret::reveal).isInstanceOf(IllegalStateException.class).hasMessageNotContaining("abc");
    assertThat(secret).isNotEqualTo(SecretValue.of("abc"));
  }

  @Test
  void fromCharsRejectsBrokenUnicodeWithoutEchoingIt() {
    assertThatThrownBy(() -> SecretValue.of(new char[] {'a', '\uD800'}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a secret must be valid Unicode text");
  }
}
