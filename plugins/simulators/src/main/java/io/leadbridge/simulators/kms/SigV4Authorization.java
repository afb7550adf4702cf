package io.leadbridge.simulators.kms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parts of an {@code Authorization: AWS4-HMAC-SHA256 Credential=.., SignedHeaders=.., Signature=..} header. Immutable. */
record SigV4Authorization(
    String accessKeyId, String date, String region, String service, List<String> signedHeaders, String signature) {
  static final String ALGORITHM = "AWS4-HMAC-SHA256";

  SigV4Authorization {
    signedHeaders = List.copyOf(signedHeaders);
  }

  String scope() {
    return date + "/" + region + "/" + service + "/aws4_request";
  }

  /** Empty when the header is not a complete SigV4 header. */
  static Optional<SigV4Authorization> parse(String header) {
    if (!header.startsWith(ALGORITHM + " ")) {
      return Optional.empty();
    }
    Map<String, String> fields = new HashMap<>();
    for (String part : header.substring(ALGORITHM.length() + 1).split(",")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        fields.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
      }
    }
    String[] credential = fields.getOrDefault("Credential", "").split("/");
    String signedHeaders = fields.getOrDefault("SignedHeaders", "");
    String signature = fields.getOrDefault("Signature", "");
    if (credential.length != 5 || !"aws4_request".equals(credential[4]) || signedHeaders.isEmpty() || signature.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new SigV4Authorization(
            credential[0], credential[1], credential[2], credential[3], List.of(signedHeaders.split(";")), signature));
  }
}
