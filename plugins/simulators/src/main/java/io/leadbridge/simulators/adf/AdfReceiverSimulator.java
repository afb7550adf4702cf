package io.leadbridge.simulators.adf;

import io.leadbridge.simulators.http.LoopbackHttpServer;
import io.leadbridge.simulators.http.Reply;
import io.leadbridge.simulators.http.SimRequest;
import io.leadbridge.simulators.http.SimResponse;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dealer CRM's ADF intake over HTTP (VENDOR facts 7.3): {@code POST} of {@code application/xml}
 * or {@code text/xml} with a per-dealer token (a header, or a bearer token) and optionally an
 * HMAC-SHA256 {@code X-Adf-Signature} over the raw bytes; 400 for an empty body, 401 for a bad
 * token or signature, 415 for another media type, 200 {@code {"result":"Success"}} otherwise. A
 * form post ({@code xml}, {@code apikey}) is Calldrip's variant, which answers 200 to everything
 * and says {@code {"result":"1"}} for what it refuses.
 * Documents are read as CRMs read them: strict mode refuses what ADF 1.0 does not allow, lenient
 * mode (real receivers) takes what it can and keeps what it cannot parse as an unparsed lead. The
 * same prospect id twice creates one lead. Thread-safe.
 */
public final class AdfReceiverSimulator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AdfReceiverSimulator.class);
  private static final String FORM = "application/x-www-form-urlencoded";

  private final String tokenHeader;
  private final String token;
  private final String signingSecret;
  private final boolean strict;
  private final boolean logLeads;
  private final LoopbackHttpServer server;
  private final List<ReceivedLead> leads = new ArrayList<>();
  private final List<SimRequest> requests = new ArrayList<>();
  private final AtomicInteger duplicates = new AtomicInteger();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private volatile int failureStatus;

  private AdfReceiverSimulator(Builder builder) {
    this.tokenHeader = builder.tokenHeader;
    this.token = builder.token;
    this.signingSecret = builder.signingSecret;
    this.strict = builder.strict;
    this.logLeads = builder.logLeads;
    this.server = LoopbackHttpServer.start("adf-receiver", builder.port, this::handle);
  }

  public static Builder builder() {
    return new Builder();
  }

  public URI baseUri() {
    return server.baseUri();
  }

  /** The leads created, in arrival order. */
  public synchronized List<ReceivedLead> leads() {
    return List.copyOf(leads);
  }

  /** Every request that reached the intake, answered or not. */
  public synchronized List<SimRequest> requests() {
    return List.copyOf(requests);
  }

  /** Documents whose prospect id was seen before: not a second lead. */
  public int duplicates() {
    return duplicates.get();
  }

  /** The next {@code times} posts answer {@code status} without reading the document. */
  public void failNext(int times, int status) {
    this.failureStatus = status;
    failuresLeft.set(times);
  }

  @Override
  public void close() {
    server.close();
  }

  private Reply handle(SimRequest request) {
    synchronized (this) {
      requests.add(request);
    }
    if (request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT).startsWith(FORM)) {
      return handleForm(request);
    }
    if (!authorized(request)) {
      return json(401, "{\"result\":\"1\",\"reason\":\"bad token\"}");
    }
    if (!request.method().equals("POST")) {
      return Reply.respond(SimResponse.plainText(405, "POST an ADF document").withHeader("Allow", "POST"));
    }
    if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return json(failureStatus, "{\"result\":\"1\",\"reason\":\"simulated failure\"}");
    }
    String type = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/xml") && !type.startsWith("text/xml")) {
      return json(415, "{\"result\":\"1\",\"reason\":\"send application/xml or text/xml\"}");
    }
    if (request.body().length == 0) {
      return json(400, "{\"result\":\"1\",\"reason\":\"empty body\"}");
    }
    if (signingSecret != null && !signed(request)) {
      return json(401, "{\"result\":\"1\",\"reason\":\"bad signature\"}");
    }
    String raw = new String(request.body(), StandardCharsets.UTF_8);
    List<ReceivedLead> prospects = AdfReading.read(raw);
    boolean invalid = prospects.isEmpty() || prospects.stream().anyMatch(p -> !p.problems().isEmpty());
    if (strict && invalid) {
      return json(400, "{\"result\":\"1\",\"reason\":\"not valid ADF 1.0\"}");
    }
    if (prospects.isEmpty()) {
      store(AdfReading.unparsed(raw));
    }
    prospects.forEach(this::store);
    return json(200, "{\"result\":\"Success\"}");
  }

  /**
   * Calldrip's form intake: the document in the field {@code xml}, the token in {@code apikey}; it
   * answers 200 to everything, with {@code {"result":"1","reason":...}} for what it refuses.
   */
  private Reply handleForm(SimRequest request) {
    Map<String, String> fields = formFields(new String(request.body(), StandardCharsets.US_ASCII));
    if (token != null && !token.equals(fields.get("apikey"))) {
      return json(200, "{\"result\":\"1\",\"reason\":\"invalid apikey\"}");
    }
    String raw = fields.getOrDefault("xml", "");
    List<ReceivedLead> prospects = AdfReading.read(raw);
    if (prospects.isEmpty() || strict && prospects.stream().anyMatch(p -> !p.problems().isEmpty())) {
      return json(200, "{\"result\":\"1\",\"reason\":\"invalid ADF\"}");
    }
    prospects.forEach(this::store);
    return json(200, "{\"result\":\"Success\"}");
  }

  private static Map<String, String> formFields(String body) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return fields;
  }

  private synchronized void store(ReceivedLead lead) {
    String id = lead.ids().get("Leadbridge");
    if (id != null && leads.stream().anyMatch(known -> id.equals(known.ids().get("Leadbridge")))) {
      duplicates.incrementAndGet();
      return;
    }
    leads.add(lead);
    if (logLeads) {
      LOG.info("ADF lead {} received{}:\n{}", leads.size(), lead.problems().isEmpty() ? ""
          : " (not strictly valid: " + String.join("; ", lead.problems()) + ")", lead.raw());
    }
  }

  private boolean authorized(SimRequest request) {
    if (token == null) {
      return true;
    }
    Optional<String> given = request.header(tokenHeader)
        .filter(value -> !tokenHeader.equalsIgnoreCase("Authorization"))
        .or(() -> request.header("Authorization").filter(a -> a.startsWith("Bearer ")).map(a -> a.substring(7)));
    return given.isPresent() && MessageDigest.isEqual(given.get().getBytes(StandardCharsets.UTF_8),
        token.getBytes(StandardCharsets.UTF_8));
  }

  private boolean signed(SimRequest request) {
    Optional<String> given = request.header("X-Adf-Signature");
    if (given.isEmpty()) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String expected = HexFormat.of().formatHex(mac.doFinal(request.body()));
      return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
          given.get().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Reply json(int status, String body) {
    return Reply.respond(SimResponse.of(status, "application/json", body.getBytes(StandardCharsets.UTF_8)));
  }

  /** How the receiver is set up; not thread-safe. */
  public static final class Builder {
    private String tokenHeader = "X-Adf-Token";
    private String token;
    private String signingSecret;
    private boolean strict;
    private boolean logLeads;
    private int port;

    /** The loopback port; 0 (the default) takes a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Logs every lead it creates with its document: for demos, since documents carry personal data. */
    public Builder logLeads() {
      this.logLeads = true;
      return this;
    }

    /** The dealer's token, expected in {@code header} or as a bearer token; none: no token needed. */
    public Builder token(String header, String value) {
      this.tokenHeader = header;
      this.token = value;
      return this;
    }

    /** Checks {@code X-Adf-Signature}, the hex HMAC-SHA256 of the body under this key. */
    public Builder signingSecret(String secret) {
      this.signingSecret = secret;
      return this;
    }

    /** Strict ADF 1.0 (refuses what the specification does not allow) instead of a real CRM's leniency. */
    public Builder strict() {
      this.strict = true;
      return this;
    }

    public AdfReceiverSimulator start() {
      return new AdfReceiverSimulator(this);
    }
  }
}
