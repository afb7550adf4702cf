package io.leadbridge.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadbridge.credentials.CredentialDecryptionException;
import io.leadbridge.credentials.SecretValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The envelope format against its committed known-answer vectors, and its parser against garbage. */
class EnvelopeFormatTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final JsonNode VECTORS = readVectors();
  private static final byte[] KEY = HEX.parseHex(VECTORS.get("dataKeyHex").asText());

  static Stream<Arguments> valid() {
    List<Arguments> cases = new ArrayList<>();
    VECTORS.get("valid").forEach(v -> cases.add(Arguments.of(v.get("name").asText(), v)));
    return cases.stream();
  }

  static Stream<Arguments> mustFail() {
    List<Arguments> cases = new ArrayList<>();
    VECTORS.get("mustFail").forEach(v -> cases.add(Arguments.of(v.get("name").asText(), v)));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void sealingWithTheVectorsNonceGivesTheCommittedEnvelope(String name, JsonNode v) {
    byte[] plaintext = CredentialFields.encode(fields(v.get("fields")));
    assertThat(HEX.formatHex(plaintext)).isEqualTo(v.get("plaintextHex").asText());

    byte[] envelope =
        EnvelopeFormat.seal(KEY, v.get("keyVersion").asInt(), uuid(v, "tenantId"), uuid(v, "credentialId"),
            plaintext, HEX.parseHex(v.get("nonceHex").asText()));

    assertThat(HEX.formatHex(envelope)).isEqualTo(v.get("envelopeHex").asText());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void committedEnvelopesOpenToTheirFields(String name, JsonNode v) {
    byte[] envelope = HEX.parseHex(v.get("envelopeHex").asText());

    assertThat(EnvelopeFormat.keyVersion(envelope)).isEqualTo(v.get("keyVersion").asInt());
    byte[] plaintext = EnvelopeFormat.open(KEY, uuid(v, "tenantId"), uuid(v, "credentialId"), envelope);
    Map<String, SecretValue> opened = CredentialFields.decode(plaintext);

    assertThat(opened).isEqualTo(fields(v.get("fields")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mustFail")
  void mustFailVectorsGiveTheOneUniformException(String name, JsonNode v) {
    byte[] envelope = HEX.parseHex(v.get("envelopeHex").asText());
    if (v.has("padToBytes")) {
      envelope = Arrays.copyOf(envelope, v.get("padToBytes").asInt());
    }
    byte[] input = envelope;

    assertThatThrownBy(() -> EnvelopeFormat.open(KEY, uuid(v, "tenantId"), uuid(v, "credentialId"), input))
        .isExactlyInstanceOf(CredentialDecryptionException.class)
        .hasMessage("a stored credential cannot be decrypted");
  }

  @Test
  void theWrongDataKeyFails() {
    JsonNode v = VECTORS.get("valid").get(0);
    byte[] otherKey = KEY.clone();
    otherKey[0] ^= 1;

    assertThatThrownBy(() -> EnvelopeFormat.open(otherKey, uuid(v, "tenantId"), uuid(v, "credentialId"),
            HEX.parseHex(v.get("envelopeHex").asText())))
        .isExactlyInstanceOf(CredentialDecryptionException.class);
  }

  @Test
  void everyTruncationAndEveryBitFlipFailsUniformly() {
    JsonNode v = VECTORS.get("valid").get(1);
    byte[] envelope = HEX.parseHex(v.get("envelopeHex").asText());
    UUID tenant = uuid(v, "tenantId");
    UUID credential = uuid(v, "credentialId");
    for (int length = 0; length < envelope.length; length++) {
      byte[] truncated = Arrays.copyOf(envelope, length);
      assertThatThrownBy(() -> EnvelopeFormat.open(KEY, tenant, credential, truncated))
          .isExactlyInstanceOf(CredentialDecryptionException.class);
    }
    for (int bit = 0; bit < envelope.length * 8; bit++) {
      byte[] flipped = envelope.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThatThrownBy(() -> EnvelopeFormat.open(KEY, tenant, credential, flipped))
          .isExactlyInstanceOf(CredentialDecryptionException.class);
    }
  }

  @Test
  void randomGarbageNeverEscapesAsAnotherException() {
    Random random = new Random(42);
    UUID tenant = UUID.randomUUID();
    UUID credential = UUID.randomUUID();
    for (int i = 0; i < 2_000; i++) {
      byte[] garbage = new byte[random.nextInt(200)];
      random.nextBytes(garbage);
      if (garbage.length >= 5 && random.nextBoolean()) {
        System.arraycopy(new byte[] {'L', 'B', 'C', 'E', 1}, 0, garbage, 0, 5);
      }
      assertThatThrownBy(() -> EnvelopeFormat.open(KEY, tenant, credential, garbage))
          .isExactlyInstanceOf(CredentialDecryptionException.class);
    }
    assertThatThrownBy(() -> EnvelopeFormat.open(KEY, tenant, credential, null))
        .isExactlyInstanceOf(CredentialDecryptionException.class);
  }

  @Test
  void malformedPlaintextsInsideAnAuthenticEnvelopeFailUniformly() {
    Random random = new Random(7);
    List<byte[]> malformed = new ArrayList<>(List.of(
        new byte[0],
        HEX.parseHex("0000"),
        HEX.parseHex("ffff"),
        HEX.parseHex("0001ffff"),
        HEX.parseHex("00010001"),
        HEX.parseHex("000100016100"),
        HEX.parseHex("0001000161ffffffff"),
        HEX.parseHex("00010001617fffffff61"),
        HEX.parseHex("000100016100000000"),
        HEX.parseHex("00010001ff0000000161"),
        HEX.parseHex("000200016100000001780001610000000179"),
        HEX.parseHex("00010001610000000178ff")));
    for (int i = 0; i < 2_000; i++) {
      byte[] garbage = new byte[random.nextInt(64)];
      random.nextBytes(garbage);
      malformed.add(garbage);
    }
    for (byte[] plaintext : malformed) {
      try {
        CredentialFields.decode(plaintext);
      } catch (CredentialDecryptionException expected) {
        continue;
      }
      // A random plaintext may by chance be well-formed; then it must round-trip.
      assertThat(CredentialFields.encode(CredentialFields.decode(plaintext))).isEqualTo(plaintext);
    }
  }

  @Test
  void sealingUsesAFreshNonceEveryTime() {
    UUID tenant = UUID.randomUUID();
    UUID credential = UUID.randomUUID();
    byte[] plaintext = "same".getBytes(StandardCharsets.UTF_8);

    byte[] first = EnvelopeFormat.seal(KEY, 1, tenant, credential, plaintext);
    byte[] second = EnvelopeFormat.seal(KEY, 1, tenant, credential, plaintext);

    assertThat(Arrays.copyOfRange(first, 9, 21)).isNotEqualTo(Arrays.copyOfRange(second, 9, 21));
    assertThat(EnvelopeFormat.open(KEY, tenant, credential, second)).isEqualTo(plaintext);
  }

  private static Map<String, SecretValue> fields(JsonNode node) {
    Map<String, SecretValue> fields = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> fields.put(e.getKey(), SecretValue.of(e.getValue().asText())));
    return fields;
  }

  private static UUID uuid(JsonNode v, String field) {
    return UUID.fromString(v.get(field).asText());
  }

  private static JsonNode readVectors() {
    try (InputStream in = EnvelopeFormatTest.class.getResourceAsStream("/credentials/envelope-v1-vectors.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
