package io.leadbridge.connectors;

import io.leadbridge.connector.api.RateLimitProfile;
import io.leadbridge.connector.api.http.RateLimitReport;
import io.leadbridge.connector.api.http.RateLimitScope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link IntegrationRateLimits} that grants permits until told to throttle and records the
 * feedback it gets, with the integration it was for. Thread-safe.
 */
public final class RecordingRateLimits implements IntegrationRateLimits {

  private volatile Permit answer = Permit.GRANTED;
  private final List<IntegrationKey> acquired = new CopyOnWriteArrayList<>();
  private final List<Map.Entry<IntegrationKey, RateLimitReport>> reports = new CopyOnWriteArrayList<>();
  private final List<Permit> finished = new CopyOnWriteArrayList<>();
  private final List<Map.Entry<IntegrationKey, Duration>> retryAfters = new CopyOnWriteArrayList<>();

  /** From now on, every acquire answers {@code permit}. */
  public void answer(Permit permit) {
    this.answer = permit;
  }

  public List<IntegrationKey> acquired() {
    return List.copyOf(acquired);
  }

  public List<Map.Entry<IntegrationKey, RateLimitReport>> reports() {
    return List.copyOf(reports);
  }

  public List<Map.Entry<IntegrationKey, Duration>> retryAfters() {
    return List.copyOf(retryAfters);
  }

  @Override
  public Permit acquire(IntegrationKey key, RateLimitProfile profile, Instant deadline) {
    acquired.add(key);
    return answer;
  }

  @Override
  public void finished(IntegrationKey key, Permit permit) {
    finished.add(permit);
  }

  /** The permits whose requests ended, in order. */
  public List<Permit> finished() {
    return List.copyOf(finished);
  }

  @Override
  public void report(IntegrationKey key, RateLimitReport report) {
    reports.add(Map.entry(key, report));
  }

  @Override
  public void retryAfter(IntegrationKey key, Duration delay, RateLimitScope scope) {
    retryAfters.add(Map.entry(key, delay));
  }
}
