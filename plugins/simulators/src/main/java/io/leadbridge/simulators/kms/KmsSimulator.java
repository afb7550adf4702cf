package io.leadbridge.simulators.kms;

import io.leadbridge.simulators.http.LoopbackHttpServer;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Runs an AWS KMS fake speaking JSON 1.1 on loopback with real AES-GCM, context binding and SigV4 checks, for the hub's KmsClient code; thread-safe. */
public final class KmsSimulator implements AutoCloseable {
  private final String region;
  private final String accessKeyId;
  private final String secretAccessKey;
  private final KeyRing keys;
  private final KmsFaults faults = new KmsFaults();
  private final KmsRecorder recorder = new KmsRecorder();
  private final LoopbackHttpServer server;

  private KmsSimulator(Builder builder) {
    this.region = builder.region;
    this.accessKeyId = builder.accessKeyId;
    this.secretAccessKey = builder.secretAccessKey;
    this.keys = new KeyRing(region, builder.clock);
    KmsHandler handler =
        new KmsHandler(
            new SigV4Verifier(accessKeyId, secretAccessKey, region, "kms"), new KmsOperations(keys), faults, recorder);
    this.server = LoopbackHttpServer.start("kms-sim", builder.port, handler);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Give this to {@code KmsClient.builder().endpointOverride(..)}. */
  public URI endpoint() {
    return server.baseUri();
  }

  public int port() {
    return server.port();
  }

  public String region() {
    return region;
  }

  public String accessKeyId() {
    return accessKeyId;
  }

  public String secretAccessKey() {
    return secretAccessKey;
  }

  public SimulatedKmsKey createKey() {
    return keys.create("").view();
  }

  /** Points {@code aliasName} (must start with {@code alias/}) at a key id, key ARN or other alias. */
  public void createAlias(String aliasName, String keyId) {
    keys.createAlias(aliasName, keyId);
  }

  /** From now on the key refuses to encrypt or decrypt (DisabledException), as a disabled KMS key does. */
  public void disableKey(String keyId) {
    keys.resolve(keyId).enabled(false);
  }

  public void enableKey(String keyId) {
    keys.resolve(keyId).enabled(true);
  }

  public KmsFaults faults() {
    return faults;
  }

  /** Every request received so far, including rejected ones, in arrival order. */
  public List<RecordedKmsRequest> requests() {
    return recorder.snapshot();
  }

  public long requestCount(KmsOperation operation) {
    return recorder.count(operation);
  }

  /** Request counts keyed by the X-Amz-Target operation name. */
  public Map<String, Long> countsByOperation() {
    return recorder.countsByOperation();
  }

  public int hungRequestCount() {
    return server.hungRequestCount();
  }

  /** Lets every hung request proceed to its normal answer; returns how many there were. */
  public int releaseHungRequests() {
    return server.releaseHungRequests();
  }

  /** Forgets recorded requests and faults; keys and aliases stay. */
  public void reset() {
    recorder.clear();
    faults.clear();
  }

  /** Stops serving; hung requests lose their connection unanswered. */
  @Override
  public void close() {
    server.close();
  }

  /** Configures a KMS fake; not thread-safe (use from one thread, then {@link #start()}). */
  public static final class Builder {
    private static final SecureRandom RANDOM = new SecureRandom();

    private String region = "eu-west-1";
    private String accessKeyId = "sim-access-key-" + randomHex(8);
    private String secretAccessKey = "sim-secret-key-" + randomHex(20);
    private int port;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder region(String region) {
      this.region = Objects.requireNonNull(region);
      return this;
    }

    /** The only credentials whose signatures verify; by default random {@code sim-...} values. */
    public Builder credentials(String accessKeyId, String secretAccessKey) {
      this.accessKeyId = Objects.requireNonNull(accessKeyId);
      this.secretAccessKey = Objects.requireNonNull(secretAccessKey);
      return this;
    }

    /** 0 (the default) picks a free ephemeral port. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Stamps key creation dates. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public KmsSimulator start() {
      return new KmsSimulator(this);
    }

    private static String randomHex(int bytes) {
      byte[] random = new byte[bytes];
      RANDOM.nextBytes(random);
      return HexFormat.of().formatHex(random);
    }
  }
}
