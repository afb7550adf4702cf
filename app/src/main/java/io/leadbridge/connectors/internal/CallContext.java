package io.leadbridge.connectors.internal;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.leadbridge.connector.api.ConnectorContext;
import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.ConnectorLog;
import io.leadbridge.connector.api.ConnectorMetrics;
import io.leadbridge.connector.api.CredentialAccess;
import io.leadbridge.connector.api.Settings;
import io.leadbridge.connector.api.Transport;
import io.leadbridge.connector.api.http.RateLimitFeedback;
import io.leadbridge.connector.api.http.VendorHttpClient;
import io.leadbridge.connector.api.http.VendorTimeoutException;
import io.leadbridge.connector.api.mail.VendorMailClient;
import io.leadbridge.connectors.CallTarget;
import io.leadbridge.connectors.IntegrationKey;
import io.leadbridge.connectors.IntegrationRateLimits;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's {@link ConnectorContext}: what one call of one connector gets for one tenant's
 * integration, and nothing else of the hub. Created per call by {@link CallContexts}; after
 * {@link #end()} its HTTP client refuses to send, credentials are no longer revealed and the values
 * revealed during the call are forgotten by the redactor. Everything reachable from it holds only
 * this call's integration: the vault, the limiter and the metrics registry are behind
 * {@link Sealed} functions bound to it (proven by a hostile plugin's reflective walk in the
 * tests). Thread-safe.
 */
final class CallContext implements ConnectorContext {

  private static final Logger LOG = LoggerFactory.getLogger(CallContext.class);

  private final ConnectorDescriptor descriptor;
  private final CallTarget target;
  private final Settings settings;
  private final Optional<URI> baseUrl;
  private final Instant deadline;
  private final Clock clock;
  private final Sealed<Instant, IntegrationRateLimits.Permit> permits;
  private final Sealed<IntegrationRateLimits.Permit, Boolean> finishes;
  private final Sealed<String, Timer> exchangeTimers;
  private final Redactor redactor = new Redactor();
  private final VaultCredentials credentials;
  private final RedactingLog log;
  private final BoundedMetrics metrics;
  private final RateLimitForwarder rateLimits;
  private final VendorHttpClient http;
  private volatile boolean ended;

  /**
   * @throws IllegalArgumentException if the target's settings or base URL do not fit the connector;
   *     the message quotes no value
   */
  CallContext(CallContexts shared, ConnectorDescriptor descriptor, CallTarget target, Instant deadline) {
    this.descriptor = descriptor;
    this.target = target;
    this.settings = Settings.of(descriptor.settingsFields(), target.settings());
    this.baseUrl = target.baseUrlOverride().or(descriptor::defaultBaseUrl);
    baseUrl.flatMap(Origins::baseUrlProblem).ifPresent(problem -> {
      throw new IllegalArgumentException(problem);
    });
    this.deadline = deadline;
    this.clock = shared.clock();
    IntegrationKey key = new IntegrationKey(descriptor.id(), target.tenantId(), target.integrationId(), target.account());
    IntegrationRateLimits limits = shared.rateLimits();
    this.permits = Sealed.of(until -> acquire(limits, key, descriptor, until));
    this.finishes = Sealed.of(permit -> {
      limits.finished(key, permit);
      return true;
    });
    MetricRegistry registry = shared.registry();
    String exchanges = "connectors.http.requests;connector=" + descriptor.id() + ";outcome=";
    this.exchangeTimers = Sealed.of(outcome -> registry.timer(exchanges + outcome));
    this.credentials = new VaultCredentials(shared.credentialSource(), descriptor.credentialFields(),
        target.tenantId(), target.integrationId(), descriptor.id(), redactor, this::ended);
    this.log = new RedactingLog(descriptor.id(), target.tenantId(), target.integrationId(), redactor);
    this.metrics = new BoundedMetrics(shared.registry(), descriptor.id(), shared.series(descriptor.id()));
    this.rateLimits = new RateLimitForwarder(limits, key);
    this.http = baseUrl.<VendorHttpClient>map(url -> new PinnedHttpClient(shared.transport(), url, this)).orElse(null);
  }

  @Override
  public UUID tenantId() {
    return target.tenantId();
  }

  @Override
  public UUID integrationId() {
    return target.integrationId();
  }

  @Override
  public Settings settings() {
    return settings;
  }

  @Override
  public CredentialAccess credentials() {
    return credentials;
  }

  @Override
  public VendorHttpClient http() {
    requireTransport(Transport.HTTP);
    if (http == null) {
      throw new IllegalStateException("the integration has no base URL and connector " + descriptor.id()
          + " declares no default");
    }
    return http;
  }

  @Override
  public VendorMailClient mail() {
    requireTransport(Transport.EMAIL);
    throw new IllegalStateException("this hub has no mail relay for EMAIL connectors yet");
  }

  @Override
  public RateLimitFeedback rateLimits() {
    return rateLimits;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public Instant deadline() {
    return deadline;
  }

  @Override
  public ConnectorMetrics metrics() {
    return metrics;
  }

  @Override
  public ConnectorLog log() {
    return log;
  }

  /** Ends the call: sends fail, secrets are no longer revealed, and those revealed are forgotten. */
  void end() {
    ended = true;
    redactor.forget();
  }

  boolean ended() {
    return ended;
  }

  /** The redactor of this call, for the host's own log lines about it. */
  Redactor redactor() {
    return redactor;
  }

  /** The credentials, for the HTTP client's injection. */
  VaultCredentials credentialsForInjection() {
    return credentials;
  }

  /** A permit from the integration's limiter, waiting at most until the deadline. */
  IntegrationRateLimits.Permit permit(String label) throws VendorTimeoutException {
    IntegrationRateLimits.Permit permit = permits.apply(deadline);
    if (permit == null) {
      throw new VendorTimeoutException(label + ": interrupted", null);
    }
    return permit;
  }

  /** Tells the limiter the request of a granted permit has ended. */
  void finished(IntegrationRateLimits.Permit permit) {
    finishes.apply(permit);
  }

  /** The limiter's permit, or null (the thread's interrupt flag set again) when interrupted waiting. */
  private static IntegrationRateLimits.Permit acquire(IntegrationRateLimits limits, IntegrationKey key,
      ConnectorDescriptor descriptor, Instant until) {
    try {
      return limits.acquire(key, descriptor.defaultRateLimit(), until);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Counts and logs one exchange: method and path, never the query, headers or bodies. */
  void recordExchange(String label, String outcome, Duration took) {
    exchangeTimers.apply(outcome).update(took);
    LOG.debug("connector {} integration {}: {} -> {} in {} ms", descriptor.id(), target.integrationId(), label,
        outcome, took.toMillis());
  }

  private void requireTransport(Transport transport) {
    if (descriptor.transport() != transport) {
      throw new IllegalStateException("connector " + descriptor.id() + " has transport " + descriptor.transport()
          + ", not " + transport);
    }
  }
}
