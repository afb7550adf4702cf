package io.leadbridge.simulators.http;

import java.time.Duration;
import java.util.function.Supplier;

/** What a simulator does with a request: answer now, answer later, or hang; lets hangs and delays hold no thread. Immutable. */
public sealed interface Reply permits Reply.Respond, Reply.Delay, Reply.Hang {

  static Reply respond(SimResponse response) {
    return new Respond(response);
  }

  /** Waits without holding a worker thread, then asks {@code next} for the reply. */
  static Reply after(Duration delay, Supplier<Reply> next) {
    return new Delay(delay, next);
  }

  /** Keeps the connection open and silent until released (then asks {@code onRelease}) or the server closes. */
  static Reply hang(Supplier<Reply> onRelease) {
    return new Hang(onRelease);
  }

  /** Answer now; immutable. */
  record Respond(SimResponse response) implements Reply {}

  /** Answer after a delay; immutable. */
  record Delay(Duration delay, Supplier<Reply> next) implements Reply {}

  /** Never answer until released; immutable. */
  record Hang(Supplier<Reply> onRelease) implements Reply {}
}
