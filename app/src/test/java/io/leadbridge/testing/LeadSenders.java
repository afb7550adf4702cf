package io.leadbridge.testing;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntPredicate;

/**
 * Concurrent clients sending numbered leads as a dealership's systems would: each lead with its own
 * {@code Idempotency-Key}; when the hub does not answer (it was killed), the same lead again with
 * the SAME key until it answers; when it answers 409 (a request with that key is still in flight),
 * the lead again later, with the same key, until it is accepted. Sender {@code s} sends leads
 * {@code s, s + senders, ...} through node {@code s % nodes}. Thread-safe.
 */
public final class LeadSenders {

  private static final Duration RESEND_AFTER_NO_ANSWER = Duration.ofMillis(200);
  private static final Duration RESEND_AFTER_IN_FLIGHT = Duration.ofSeconds(2);

  private final List<Api> nodes;
  private final List<ProcessHubs.Tenant> tenants;
  private final int leads;
  private final List<Thread> threads = new ArrayList<>();
  private final Map<Integer, String> accepted = new ConcurrentHashMap<>();
  private final Set<Integer> resentLeads = ConcurrentHashMap.newKeySet();
  private final Map<Integer, Instant> answeredResendStarts = new ConcurrentHashMap<>();
  private final AtomicInteger unanswered = new AtomicInteger();
  private final AtomicInteger inFlightAnswers = new AtomicInteger();
  private final AtomicReference<AssertionError> failure = new AtomicReference<>();
  private final String run;

  /**
   * @param nodes the hubs' APIs, used in turn by the senders
   * @param tenants lead {@code i} belongs to tenant {@code i % tenants}
   * @param leads how many leads to send
   */
  public LeadSenders(List<Api> nodes, List<ProcessHubs.Tenant> tenants, int leads) {
    this.nodes = List.copyOf(nodes);
    this.tenants = List.copyOf(tenants);
    this.leads = leads;
    this.run = Long.toString(System.nanoTime(), 36);
  }

  /** Starts {@code senders} threads. */
  public LeadSenders start(int senders) {
    for (int s = 0; s < senders; s++) {
      int sender = s;
      Api node = nodes.get(s % nodes.size());
      Thread thread = new Thread(() -> send(node, i -> i % senders == sender), "lead-sender-" + s);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    return this;
  }

  /** Waits until every lead is accepted; fails with the first unexpected answer. */
  public void awaitAccepted(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    for (Thread thread : threads) {
      try {
        thread.join(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    if (accepted.size() != leads) {
      failure.compareAndSet(null, new AssertionError("stopped: timed out"));
      throw new AssertionError(accepted.size() + " of " + leads + " leads accepted after " + timeout.toSeconds() + " s");
    }
  }

  /** Stops the senders (e.g. when the test failed elsewhere). */
  public void stop() {
    failure.compareAndSet(null, new AssertionError("stopped"));
  }

  /** Lead ids the hub answered 202 with, by lead number. */
  public Map<Integer, String> accepted() {
    return Map.copyOf(accepted);
  }

  public int acceptedCount() {
    return accepted.size();
  }

  /** Leads sent again with their key after the hub did not answer. */
  public int resentLeads() {
    return resentLeads.size();
  }

  /**
   * For each resent lead, when the request that was finally answered started: a lead stored before
   * then was stored by a request whose answer a kill lost, and the resend got it back by its key.
   */
  public Map<Integer, Instant> answeredResendStarts() {
    return Map.copyOf(answeredResendStarts);
  }

  /** Requests that got no answer (each was sent again). */
  public int unanswered() {
    return unanswered.get();
  }

  /** 409 answers: the key's first request died with its hub and its claim had not expired yet. */
  public int inFlightAnswers() {
    return inFlightAnswers.get();
  }

  private void send(Api node, IntPredicate mine) {
    PriorityQueue<Attempt> queue = new PriorityQueue<>();
    for (int i = 0; i < leads; i++) {
      if (mine.test(i)) {
        queue.add(new Attempt(i, Instant.EPOCH));
      }
    }
    try {
      while (!queue.isEmpty() && failure.get() == null) {
        Attempt next = queue.poll();
        long wait = Duration.between(Instant.now(), next.notBefore()).toMillis();
        if (wait > 0) {
          Poll.sleep(wait);
        }
        sendOne(node, next.lead()).ifPresent(queue::add);
      }
    } catch (RuntimeException | AssertionError e) {
      failure.compareAndSet(null, e instanceof AssertionError a ? a : new AssertionError(e));
    }
  }

  /**
   * Sends one lead, again and again while the hub does not answer (it is down); returns the attempt
   * to make later if a request with its key is still in flight.
   */
  private Optional<Attempt> sendOne(Api node, int lead) {
    HttpResponse<String> response = null;
    while (response == null && failure.get() == null) {
      Instant attempt = Instant.now();
      try {
        response = node.send(request(node, lead));
        if (resentLeads.contains(lead)) {
          answeredResendStarts.put(lead, attempt);
        }
      } catch (UncheckedIOException noAnswer) {
        unanswered.incrementAndGet();
        resentLeads.add(lead);
        Poll.sleep(RESEND_AFTER_NO_ANSWER.toMillis());
      }
    }
    if (response == null) {
      return Optional.empty();
    }
    if (response.statusCode() == 202) {
      accepted.put(lead, Hub.json(response).get("id").asText());
      return Optional.empty();
    }
    if (response.statusCode() == 409 && response.body().contains("idempotency_key_in_flight")) {
      inFlightAnswers.incrementAndGet();
      return Optional.of(new Attempt(lead, Instant.now().plus(RESEND_AFTER_IN_FLIGHT)));
    }
    throw new AssertionError("lead " + lead + ": HTTP " + response.statusCode() + " " + response.body());
  }

  private HttpRequest request(Api node, int lead) {
    ProcessHubs.Tenant tenant = tenants.get(lead % tenants.size());
    String body = "{\"externalId\":\"form-" + lead + "\",\"source\":\"crash-test\",\"customer\":{\"firstName\":\"Dana\","
        + "\"lastName\":\"Reyes" + lead + "\",\"emails\":[\"lead" + lead + "." + run + "@example.com\"]},"
        + "\"vehicles\":[{\"year\":2021,\"make\":\"Honda\",\"model\":\"Accord\"}]}";
    return HttpRequest.newBuilder(node.uri("/v1/leads"))
        .timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + tenant.writerKey())
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", "lead-" + run + "-" + lead)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /** One lead to send, not before a time; ordered by that time. */
  private record Attempt(int lead, Instant notBefore) implements Comparable<Attempt> {
    @Override
    public int compareTo(Attempt other) {
      int byTime = notBefore.compareTo(other.notBefore);
      return byTime != 0 ? byTime : Integer.compare(lead, other.lead);
    }
  }
}
