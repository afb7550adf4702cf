package io.leadbridge.delivery.internal;

import io.leadbridge.connector.api.RateLimitProfile;
import io.leadbridge.connector.api.http.RateLimitReport;
import io.leadbridge.connector.api.http.RateLimitScope;
import io.leadbridge.connectors.IntegrationKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link DeliveryPacing} in this node's memory, on the node's clock: exact for one node, blind to
 * what other nodes spend. For focused tests of the engine, with a fake clock. Thread-safe: each
 * account's budget is used under its own lock.
 */
public final class NodePacing implements DeliveryPacing {

  private final ConcurrentMap<Account, Budget> budgets = new ConcurrentHashMap<>();
  private final ConcurrentMap<UUID, Instant> breakers = new ConcurrentHashMap<>();
  private final BudgetRules rules;
  private final Clock clock;

  public NodePacing(Duration guard, Clock clock) {
    this.rules = new BudgetRules(guard);
    this.clock = clock;
  }

  @Override
  public Wait take(IntegrationKey key, RateLimitProfile profile) {
    Budget budget = budgets.computeIfAbsent(Account.of(key), k -> new Budget(BudgetRow.of(profile)));
    synchronized (budget) {
      if (!budget.row.follows(profile)) {
        budget.row.follow(profile);
      }
      Instant now = clock.instant();
      Wait wait = rules.waitAt(budget.row, budget.log, now);
      return wait.none() ? rules.spend(budget.row, budget.log, now) : wait;
    }
  }

  @Override
  public void finished(IntegrationKey key, UUID send) {
    Budget budget = budgets.get(Account.of(key));
    if (budget != null) {
      synchronized (budget) {
        budget.log.finish(send, clock.instant());
      }
    }
  }

  @Override
  public Wait peek(IntegrationKey key) {
    Budget budget = budgets.get(Account.of(key));
    if (budget == null) {
      return Wait.NONE;
    }
    synchronized (budget) {
      return rules.waitAt(budget.row, budget.log, clock.instant());
    }
  }

  @Override
  public Set<Account> accountsInUse() {
    return Set.copyOf(budgets.keySet());
  }

  @Override
  public void report(IntegrationKey key, RateLimitReport report) {
    Budget budget = budgets.get(Account.of(key));
    if (budget != null) {
      synchronized (budget) {
        rules.report(budget.row, budget.log, report, clock.instant());
      }
    }
  }

  @Override
  public void pause(IntegrationKey key, Duration delay, RateLimitScope scope) {
    Budget budget = budgets.computeIfAbsent(Account.of(key),
        k -> new Budget(BudgetRow.of(RateLimitProfile.of(1, Duration.ofSeconds(1)))));
    synchronized (budget) {
      Instant now = clock.instant();
      rules.pause(budget.row, now.plus(delay), scope, now);
    }
  }

  @Override
  public void openBreaker(String connectorId, UUID integrationId, Duration openFor) {
    breakers.put(integrationId, clock.instant().plus(openFor));
  }

  @Override
  public void closeBreaker(UUID integrationId) {
    breakers.remove(integrationId);
  }

  @Override
  public Map<UUID, Duration> openBreakers() {
    Instant now = clock.instant();
    Map<UUID, Duration> open = new HashMap<>();
    breakers.forEach((id, until) -> {
      if (until.isAfter(now)) {
        open.put(id, Duration.between(now, until));
      }
    });
    return open;
  }

  @Override
  public void forget(UUID integrationId) {
    breakers.remove(integrationId);
  }

  /** One account's row and send log; guarded by its own monitor. */
  private static final class Budget {
    final BudgetRow row;
    final MemorySendLog log = new MemorySendLog();

    Budget(BudgetRow row) {
      this.row = row;
    }
  }

  /** A send log in memory, in grant order; not thread-safe. */
  private static final class MemorySendLog implements SendLog {
    private final Map<UUID, Send> sends = new LinkedHashMap<>();

    @Override
    public int inWindow(Instant since, Instant staleBefore) {
      return (int) sends.values().stream().filter(s -> s.counts(since, staleBefore)).count();
    }

    @Override
    public Optional<Instant> nthEnd(Instant since, Instant staleBefore, Instant now, int skip) {
      return sends.values().stream().filter(s -> s.counts(since, staleBefore))
          .map(s -> s.endedAt == null ? now : s.endedAt).sorted().skip(skip).findFirst();
    }

    @Override
    public void add(UUID send, Instant grantedAt) {
      sends.put(send, new Send(grantedAt));
    }

    @Override
    public void finish(UUID send, Instant endedAt) {
      Send found = sends.get(send);
      if (found != null && found.endedAt == null) {
        found.endedAt = endedAt;
      }
    }

    @Override
    public void forget(Instant endedUpTo, Instant staleBefore) {
      sends.values().removeIf(s -> s.endedAt == null ? !s.grantedAt.isAfter(staleBefore) : !s.endedAt.isAfter(endedUpTo));
    }

    /** One request: granted, and ended once it ended. */
    private static final class Send {
      final Instant grantedAt;
      Instant endedAt;

      Send(Instant grantedAt) {
        this.grantedAt = grantedAt;
      }

      boolean counts(Instant since, Instant staleBefore) {
        return endedAt == null ? grantedAt.isAfter(staleBefore) : endedAt.isAfter(since);
      }
    }
  }
}
