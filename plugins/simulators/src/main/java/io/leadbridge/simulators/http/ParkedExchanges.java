package io.leadbridge.simulators.http;

import com.sun.net.httpserver.HttpExchange;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Requests that were accepted but deliberately left unanswered (chaos "hang"); thread-safe. */
final class ParkedExchanges {
  /** One hung request and what to do when it is released; immutable. */
  record Parked(HttpExchange exchange, Supplier<Reply> onRelease) {}

  private final List<Parked> parked = new ArrayList<>();

  synchronized void park(HttpExchange exchange, Supplier<Reply> onRelease) {
    parked.add(new Parked(exchange, onRelease));
  }

  synchronized int size() {
    return parked.size();
  }

  /** Removes and returns every parked request. */
  synchronized List<Parked> drain() {
    List<Parked> all = List.copyOf(parked);
    parked.clear();
    return all;
  }
}
