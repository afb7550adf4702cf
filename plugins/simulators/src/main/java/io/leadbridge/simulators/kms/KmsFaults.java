package io.leadbridge.simulators.kms;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Fault knobs of the KMS fake: persistent or for the next N calls, for all operations or one. Thread-safe. */
public final class KmsFaults {
  /** One injection rule; {@code remaining < 0} means persistent. Guarded by the enclosing instance. */
  private static final class Rule {
    private final KmsFault fault;
    private final Optional<KmsOperation> operation;
    private int remaining;

    private Rule(KmsFault fault, Optional<KmsOperation> operation, int remaining) {
      this.fault = fault;
      this.operation = operation;
      this.remaining = remaining;
    }

    private boolean appliesTo(Optional<KmsOperation> called) {
      return operation.isEmpty() || operation.equals(called);
    }
  }

  private final List<Rule> rules = new ArrayList<>();

  /** Every call fails with this fault until {@link #clear()}. */
  public synchronized KmsFaults always(KmsFault fault) {
    rules.add(new Rule(fault, Optional.empty(), -1));
    return this;
  }

  /** Every call of this operation fails with this fault until {@link #clear()}. */
  public synchronized KmsFaults always(KmsFault fault, KmsOperation operation) {
    rules.add(new Rule(fault, Optional.of(operation), -1));
    return this;
  }

  /** The next {@code calls} calls fail with this fault. */
  public synchronized KmsFaults next(int calls, KmsFault fault) {
    rules.add(new Rule(fault, Optional.empty(), requirePositive(calls)));
    return this;
  }

  /** The next {@code calls} calls of this operation fail with this fault. */
  public synchronized KmsFaults next(int calls, KmsFault fault, KmsOperation operation) {
    rules.add(new Rule(fault, Optional.of(operation), requirePositive(calls)));
    return this;
  }

  public synchronized void clear() {
    rules.clear();
  }

  /** The fault for this call, if any; counted rules are used up before persistent ones. */
  synchronized Optional<KmsFault> take(Optional<KmsOperation> operation) {
    Iterator<Rule> counted = rules.iterator();
    while (counted.hasNext()) {
      Rule rule = counted.next();
      if (rule.remaining > 0 && rule.appliesTo(operation)) {
        rule.remaining--;
        if (rule.remaining == 0) {
          counted.remove();
        }
        return Optional.of(rule.fault);
      }
    }
    return rules.stream().filter(rule -> rule.remaining < 0 && rule.appliesTo(operation)).map(rule -> rule.fault).findFirst();
  }

  private static int requirePositive(int calls) {
    if (calls <= 0) {
      throw new IllegalArgumentException("calls must be positive");
    }
    return calls;
  }
}
