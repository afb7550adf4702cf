package io.leadbridge.simulators.kms;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.simulators.http.Json;
import io.leadbridge.simulators.http.Reply;
import io.leadbridge.simulators.http.SimRequest;
import io.leadbridge.simulators.http.SimResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the KMS pipeline: record, verify SigV4, inject faults, run the operation, answer JSON 1.1; never logs secrets; thread-safe. */
final class KmsHandler implements Function<SimRequest, Reply> {
  private static final Logger LOG = LoggerFactory.getLogger(KmsHandler.class);
  private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

  private final SigV4Verifier verifier;
  private final KmsOperations operations;
  private final KmsFaults faults;
  private final KmsRecorder recorder;

  KmsHandler(SigV4Verifier verifier, KmsOperations operations, KmsFaults faults, KmsRecorder recorder) {
    this.verifier = verifier;
    this.operations = operations;
    this.faults = faults;
    this.recorder = recorder;
  }

  @Override
  public Reply apply(SimRequest request) {
    String target = request.header("X-Amz-Target").orElse("");
    Optional<KmsOperation> operation = KmsOperation.fromTarget(target);
    Optional<JsonNode> body = parse(request);
    KmsApiException authFailure = authenticate(request);
    recorder.record(describe(request, target, body, authFailure == null));
    if (authFailure != null) {
      return Reply.respond(error(authFailure));
    }
    if (operation.isEmpty()) {
      return Reply.respond(error(KmsApiException.badRequest("UnknownOperationException", "Unknown operation " + target)));
    }
    if (body.isEmpty()) {
      return Reply.respond(error(KmsApiException.badRequest("SerializationException", "Request body is not JSON")));
    }
    Optional<KmsFault> fault = faults.take(operation);
    if (fault.isPresent() && fault.get() == KmsFault.HANG) {
      return Reply.hang(() -> Reply.respond(execute(operation.get(), body.get())));
    }
    return Reply.respond(fault.map(injected -> error(injected.toException())).orElseGet(() -> execute(operation.get(), body.get())));
  }

  private KmsApiException authenticate(SimRequest request) {
    try {
      verifier.verify(request);
      return null;
    } catch (KmsApiException rejected) {
      return rejected;
    }
  }

  private SimResponse execute(KmsOperation operation, JsonNode body) {
    try {
      return respond(200, operations.run(operation, body));
    } catch (KmsApiException e) {
      return error(e);
    } catch (RuntimeException e) {
      LOG.warn("KMS fake failed on {}: {}", operation.wireName(), e.getClass().getName());
      return error(new KmsApiException(500, "KMSInternalException", "The KMS fake failed"));
    }
  }

  private static SimResponse error(KmsApiException e) {
    return respond(e.status(), Map.of("__type", e.errorType(), "message", e.getMessage()));
  }

  private static SimResponse respond(int status, Map<String, ?> body) {
    return SimResponse.of(status, CONTENT_TYPE, Json.write(body))
        .withHeader("x-amzn-RequestId", UUID.randomUUID().toString());
  }

  private static Optional<JsonNode> parse(SimRequest request) {
    try {
      JsonNode node = Json.parse(request.body());
      return node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }

  private static RecordedKmsRequest describe(
      SimRequest request, String target, Optional<JsonNode> body, boolean signatureValid) {
    JsonNode fields = body.orElse(Json.emptyObject());
    Optional<String> keyId =
        KmsJson.optionalText(fields, "KeyId").or(() -> KmsJson.optionalText(fields, "DestinationKeyId"));
    Map<String, String> context =
        fields.has("SourceEncryptionContext")
            ? KmsJson.context(fields, "SourceEncryptionContext")
            : KmsJson.context(fields, "EncryptionContext");
    List<String> signedHeaders =
        request.header("Authorization").flatMap(SigV4Authorization::parse).map(SigV4Authorization::signedHeaders).orElse(List.of());
    return new RecordedKmsRequest(
        target.startsWith("TrentService.") ? target.substring("TrentService.".length()) : target,
        keyId,
        context,
        KmsJson.context(fields, "DestinationEncryptionContext"),
        signedHeaders,
        signatureValid);
  }
}
