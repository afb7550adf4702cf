package io.leadbridge.simulators.hubspot;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/** Holds the runtime fault knobs (5xx, latency, hangs, missing rate-limit headers), settable while requests flow; thread-safe. */
public final class HubSpotChaos {
  private static final List<Integer> ALLOWED_FAILURE_STATUSES = List.of(500, 502, 504);

  private final AtomicLong eligibleRequests = new AtomicLong();
  private volatile Random random = new Random();
  private volatile double failureProbability;
  private volatile int failEveryNth;
  private volatile List<Integer> failureStatuses = List.of(500);
  private volatile Duration latency = Duration.ZERO;
  private volatile boolean hangRequests;
  private volatile double omitRateLimitHeadersProbability;

  /** Answers each admitted request with a 5xx with this probability (0 disables). */
  public HubSpotChaos failWithProbability(double probability) {
    this.failureProbability = checkProbability(probability);
    return this;
  }

  /** Answers every n-th admitted request with a 5xx (0 disables). */
  public HubSpotChaos failEveryNth(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0");
    }
    this.failEveryNth = n;
    return this;
  }

  /** The statuses injected failures use, picked at random among them; each must be 500, 502 or 504. */
  public HubSpotChaos failureStatuses(int... statuses) {
    if (statuses.length == 0) {
      throw new IllegalArgumentException("Give at least one status");
    }
    List<Integer> chosen = IntStream.of(statuses).boxed().toList();
    if (!ALLOWED_FAILURE_STATUSES.containsAll(chosen)) {
      throw new IllegalArgumentException("Injected failures may use 500, 502 or 504, not " + chosen);
    }
    this.failureStatuses = chosen;
    return this;
  }

  /** Delays every answer by this much, without holding a server thread. */
  public HubSpotChaos latency(Duration added) {
    if (added.isNegative()) {
      throw new IllegalArgumentException("Latency cannot be negative");
    }
    this.latency = added;
    return this;
  }

  /** While on, new requests are accepted and never answered until released or the simulator closes. */
  public HubSpotChaos hangRequests(boolean hang) {
    this.hangRequests = hang;
    return this;
  }

  /** Leaves out the X-HubSpot-RateLimit-* headers with this probability ("failed to gather limit info"). */
  public HubSpotChaos omitRateLimitHeadersWithProbability(double probability) {
    this.omitRateLimitHeadersProbability = checkProbability(probability);
    return this;
  }

  /** Makes the random knobs repeatable. */
  public HubSpotChaos seed(long seed) {
    this.random = new Random(seed);
    return this;
  }

  /** Turns every knob off. */
  public void reset() {
    failureProbability = 0;
    failEveryNth = 0;
    failureStatuses = List.of(500);
    latency = Duration.ZERO;
    hangRequests = false;
    omitRateLimitHeadersProbability = 0;
    eligibleRequests.set(0);
  }

  Duration latency() {
    return latency;
  }

  boolean hangRequests() {
    return hangRequests;
  }

  /** Decides, once per admitted request, whether to fail it and with which status. */
  OptionalInt nextFailure() {
    long sequence = eligibleRequests.incrementAndGet();
    int nth = failEveryNth;
    boolean fail = (nth > 0 && sequence % nth == 0) || random.nextDouble() < failureProbability;
    if (!fail) {
      return OptionalInt.empty();
    }
    List<Integer> statuses = failureStatuses;
    return OptionalInt.of(statuses.get(random.nextInt(statuses.size())));
  }

  boolean omitRateLimitHeaders() {
    return random.nextDouble() < omitRateLimitHeadersProbability;
  }

  private static double checkProbability(double probability) {
    if (probability < 0 || probability > 1) {
      throw new IllegalArgumentException("A probability is between 0 and 1, not " + probability);
    }
    return probability;
  }
}
