package io.leadbridge.rollout.internal;

import io.getunleash.UnleashException;
import io.getunleash.event.ClientFeaturesResponse;
import io.getunleash.event.FeatureSet;
import io.getunleash.event.UnleashSubscriber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the Unleash client's fetches, so that the health check can say whether the flags are
 * current or the last known state is holding. Thread-safe (volatile fields, written by the SDK's
 * threads, read by the health check).
 *
 * <p>A failed fetch changes no flag: the SDK keeps its state and only a successful fetch replaces
 * it. Connection failures reach the SDK's {@code onError} together with metrics failures, which
 * say nothing about the flags, so this counts only what fetches report ({@code togglesFetched},
 * the start-up failure) and calls the flags stale when no fetch has succeeded for a while; an
 * error only supplies the reason the health check gives.
 */
public final class FetchWatch implements UnleashSubscriber {

  private static final Logger LOG = LoggerFactory.getLogger(FetchWatch.class);

  private final Clock clock;
  private volatile Instant lastSuccess;
  private volatile Instant lastFailure;
  private volatile String lastFailureReason = "";
  private volatile boolean backupRestored;
  private volatile boolean degradedLogged;
  private volatile boolean errorLogged;

  public FetchWatch(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void togglesFetched(ClientFeaturesResponse response) {
    if (response.getStatus() == ClientFeaturesResponse.Status.UNAVAILABLE) {
      failed("the server answered HTTP " + response.getHttpStatusCode());
    } else {
      succeeded();
    }
  }

  @Override
  public void featuresBackupRestored(FeatureSet features) {
    backupRestored = true;
  }

  /**
   * A fetch or metrics post that got no usable answer (connection refused, timeout). The SDK's own
   * handler would log a stack trace for each, once per refresh for as long as the server is away;
   * this logs the first of a run in one line and keeps it as the reason for the health check.
   */
  @Override
  public void onError(UnleashException e) {
    String reason = describe(e);
    lastFailureReason = reason;
    if (errorLogged) {
      LOG.debug("Unleash client: {}", reason);
    } else {
      errorLogged = true;
      LOG.warn("Unleash client: {}; the flags keep their last known state", reason);
    }
  }

  /** The synchronous first fetch failed; the client starts on the backup file, if there is one. */
  public void startFailed(UnleashException e) {
    failed("the first fetch failed (" + e.getClass().getSimpleName() + ")");
    LOG.warn("Unleash client: the first fetch failed ({}); starting on the backup file, if there is one", describe(e));
  }

  /** What is known about the fetches at this moment. */
  public FetchStatus status(Duration staleAfter) {
    Instant now = clock.instant();
    Instant success = lastSuccess;
    Instant failure = lastFailure;
    boolean current = success != null
        && (failure == null || failure.isBefore(success))
        && !success.plus(staleAfter).isBefore(now);
    if (!current && !degradedLogged) {
      degradedLogged = true;
      LOG.warn("rollout degraded: no current flags from the Unleash server; the last known state holds");
    }
    return new FetchStatus(current, Optional.ofNullable(success), Optional.ofNullable(failure),
        lastFailureReason, backupRestored);
  }

  private void succeeded() {
    lastSuccess = clock.instant();
    if (degradedLogged || errorLogged) {
      degradedLogged = false;
      errorLogged = false;
      LOG.info("rollout recovered: flags fetched from the Unleash server again");
    }
  }

  private void failed(String reason) {
    lastFailureReason = reason;
    lastFailure = clock.instant();
  }

  /** The SDK's message and the underlying cause's kind and message: a host or a timeout, never a token. */
  private static String describe(UnleashException e) {
    Throwable cause = e.getCause();
    return cause == null || cause == e
        ? e.getMessage()
        : e.getMessage() + ": " + cause.getClass().getSimpleName()
            + (cause.getMessage() == null ? "" : " " + cause.getMessage());
  }

  /**
   * One look at the fetches. Immutable.
   *
   * @param current the last fetch succeeded, recently enough
   * @param lastSuccess when a fetch last succeeded, if ever since start
   * @param lastFailure when a fetch last failed, if ever since start
   * @param lastFailureReason why it failed (never a token or a flag value)
   * @param backupRestored the client started on the backup file
   */
  public record FetchStatus(boolean current, Optional<Instant> lastSuccess, Optional<Instant> lastFailure,
      String lastFailureReason, boolean backupRestored) {}
}
