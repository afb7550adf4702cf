package io.leadbridge.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Full-jitter backoff: each wait lies between zero and a ceiling that doubles per attempt up to the
 * cap, and waits of deliveries that failed together spread over that range. Each test owns its
 * backoff.
 */
class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(30));

  @Test
  void theCeilingDoublesPerAttemptUpToTheCap() {
    for (int attempts = 1; attempts <= 60; attempts++) {
      long ceiling = Math.min(2_000L << Math.min(attempts - 1, 40), Duration.ofMinutes(30).toMillis());
      for (int i = 0; i < 200; i++) {
        assertThat(backoff.after(attempts)).as("attempt %d", attempts)
            .isBetween(Duration.ZERO, Duration.ofMillis(ceiling));
      }
    }
  }

  @Test
  void retriesThatFailedTogetherSpreadOverTheWholeRange() {
    Set<Long> seconds = new HashSet<>();
    IntStream.range(0, 2_000).forEach(i -> seconds.add(backoff.after(12).toSeconds()));

    // Attempt 12: a ceiling of 30 minutes; 2,000 uniform draws fill hundreds of its 1,800 one-second buckets.
    assertThat(seconds.size()).isGreaterThan(600);
    assertThat(seconds.stream().mapToLong(Long::longValue).max().orElseThrow()).isGreaterThan(1_500);
    assertThat(seconds.stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThan(300);
  }

  @Test
  void aZeroBaseStillWaitsAtMostAMillisecond() {
    Backoff none = new Backoff(Duration.ZERO, Duration.ZERO);

    assertThat(none.after(1)).isLessThanOrEqualTo(Duration.ofMillis(1));
    assertThat(none.after(50)).isLessThanOrEqualTo(Duration.ofMillis(1));
  }
}
