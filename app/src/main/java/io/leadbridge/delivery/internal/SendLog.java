package io.leadbridge.delivery.internal;

import java.time.Instant;
import java.util.Optional;

/**
 * The sends of one vendor account inside its rolling window, oldest first: what makes the budget
 * exact where a token bucket lets up to twice the limit into one rolling window. Implementations
 * are used under the account's lock and need not be thread-safe.
 */
interface SendLog {

  /** How many sends were after {@code since}. */
  int countAfter(Instant since);

  /** The send after {@code since} that {@code skip} older ones precede, if there is one. */
  Optional<Instant> nthAfter(Instant since, int skip);

  void add(Instant sentAt);

  /** Forgets the sends at or before {@code upTo}: they left the window. */
  void forgetUpTo(Instant upTo);
}
