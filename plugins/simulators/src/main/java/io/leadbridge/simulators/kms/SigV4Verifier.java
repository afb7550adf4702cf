package io.leadbridge.simulators.kms;

import io.leadbridge.simulators.http.SimRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Recomputes each request's SigV4 signature with the test credentials so a client that signs wrongly fails here as at AWS; immutable, so thread-safe. */
final class SigV4Verifier {
  private static final String BAD_SIGNATURE =
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret"
          + " Access Key and signing method. Consult the service documentation for details.";

  private final String accessKeyId;
  private final String secretAccessKey;
  private final String region;
  private final String service;

  SigV4Verifier(String accessKeyId, String secretAccessKey, String region, String service) {
    this.accessKeyId = accessKeyId;
    this.secretAccessKey = secretAccessKey;
    this.region = region;
    this.service = service;
  }

  void verify(SimRequest request) {
    String header =
        request
            .header("Authorization")
            .orElseThrow(
                () -> KmsApiException.badRequest("MissingAuthenticationTokenException", "Missing Authentication Token"));
    SigV4Authorization authorization =
        SigV4Authorization.parse(header)
            .orElseThrow(
                () ->
                    KmsApiException.badRequest(
                        "IncompleteSignatureException", "Authorization header is not a complete SigV4 signature"));
    if (!accessKeyId.equals(authorization.accessKeyId())) {
      throw KmsApiException.badRequest(
          "UnrecognizedClientException", "The security token included in the request is invalid.");
    }
    checkScope(authorization);
    String amzDate = request.header("X-Amz-Date").orElse("");
    if (!amzDate.startsWith(authorization.date()) || !authorization.signedHeaders().contains("host")) {
      throw KmsApiException.badRequest("IncompleteSignatureException", "X-Amz-Date and host must be signed");
    }
    byte[] expected = signature(request, authorization, amzDate);
    byte[] given = decodeHex(authorization.signature());
    if (!MessageDigest.isEqual(expected, given)) {
      throw KmsApiException.badRequest("InvalidSignatureException", BAD_SIGNATURE);
    }
  }

  private void checkScope(SigV4Authorization authorization) {
    if (!region.equals(authorization.region())) {
      throw KmsApiException.badRequest("InvalidSignatureException", "Credential should be scoped to a valid region.");
    }
    if (!service.equals(authorization.service())) {
      throw KmsApiException.badRequest(
          "InvalidSignatureException", "Credential should be scoped to correct service: '" + service + "'.");
    }
  }

  private byte[] signature(SimRequest request, SigV4Authorization authorization, String amzDate) {
    String stringToSign =
        String.join(
            "\n",
            SigV4Authorization.ALGORITHM,
            amzDate,
            authorization.scope(),
            hex(sha256(canonicalRequest(request, authorization.signedHeaders()))));
    byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), authorization.date());
    key = hmac(key, authorization.region());
    key = hmac(key, authorization.service());
    key = hmac(key, "aws4_request");
    return hmac(key, stringToSign);
  }

  /** The canonical request over the body actually received, so a body altered after signing fails. */
  private static byte[] canonicalRequest(SimRequest request, List<String> signedHeaders) {
    StringBuilder canonicalHeaders = new StringBuilder();
    for (String name : signedHeaders) {
      String value =
          request.headerValues(name).stream().map(SigV4Verifier::normaliseSpaces).collect(Collectors.joining(","));
      canonicalHeaders.append(name).append(':').append(value).append('\n');
    }
    String canonical =
        String.join(
            "\n",
            request.method(),
            request.path().isEmpty() ? "/" : request.path(),
            canonicalQuery(request.rawQuery()),
            canonicalHeaders.toString(),
            String.join(";", signedHeaders),
            hex(sha256(request.body())));
    return canonical.getBytes(StandardCharsets.UTF_8);
  }

  private static String canonicalQuery(String rawQuery) {
    if (rawQuery.isEmpty()) {
      return "";
    }
    String[] pairs = rawQuery.split("&");
    Arrays.sort(pairs);
    return Arrays.stream(pairs).map(pair -> pair.contains("=") ? pair : pair + "=").collect(Collectors.joining("&"));
  }

  private static String normaliseSpaces(String value) {
    return value.trim().replaceAll(" +", " ");
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The JDK always has SHA-256", e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The JDK always has HmacSHA256", e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static byte[] decodeHex(String text) {
    try {
      return HexFormat.of().parseHex(text);
    } catch (IllegalArgumentException notHex) {
      return new byte[0];
    }
  }
}
