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
 * the start-up failure) and calls the flags stale when no fetch has succeeded for a while.
 */
public final class FetchWatch implements UnleashSubscriber {

  private static final Logger LOG = LoggerFactory.getLogger(FetchWatch.class);

  private final Clock clock;
  private volatile Instant lastSuccess;
  private volatile Instant lastFailure;
  private volatile String lastFailureReason = "";
  private volatile boolean backupRestored;
  private volatile boolean degradedLogged;

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

  /** The synchronous first fetch failed; the client starts on the backup file, if there is one. */
  public void startFailed(UnleashException e) {
    failed("the first fetch failed (" + e.getClass().getSimpleName() + ")");
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
    if (degradedLogged) {
      degradedLogged = false;
      LOG.info("rollout recovered: flags fetched from the Unleash server again");
    }
  }

  private void failed(String reason) {
    lastFailureReason = reason;
    lastFailure = clock.instant();
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
