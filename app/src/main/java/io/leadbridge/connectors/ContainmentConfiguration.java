package io.leadbridge.connectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.HashMap;
import java.util.Map;

/**
 * How the host contains a plugin that misbehaves at run time ({@code connectors.containment}):
 * what one call may spend ({@code budget}, and per connector id {@code budgets}), and after how many
 * calls in a row that end in an {@code Error} or over budget a plugin is quarantined (FAILED, its
 * integrations' work held until an operator reloads it); not thread-safe (configuration, read after
 * start-up).
 */
public class ContainmentConfiguration {

  @Min(1)
  @Max(1000)
  private int quarantineAfter = 5;

  @Valid @NotNull private CallBudget budget = new CallBudget();

  @NotNull private Map<String, @Valid CallBudget> budgets = new HashMap<>();

  /** Calls in a row that end in an {@code Error} or over budget before the plugin is quarantined. */
  @JsonProperty("quarantineAfter")
  public int getQuarantineAfter() {
    return quarantineAfter;
  }

  @JsonProperty("quarantineAfter")
  public void setQuarantineAfter(int quarantineAfter) {
    this.quarantineAfter = quarantineAfter;
  }

  /** What one call of any connector may spend, unless {@link #getBudgets()} names its connector. */
  @JsonProperty("budget")
  public CallBudget getBudget() {
    return budget;
  }

  @JsonProperty("budget")
  public void setBudget(CallBudget budget) {
    this.budget = budget;
  }

  /** Budgets of particular connectors, by connector id. */
  @JsonProperty("budgets")
  public Map<String, CallBudget> getBudgets() {
    return budgets;
  }

  @JsonProperty("budgets")
  public void setBudgets(Map<String, CallBudget> budgets) {
    this.budgets = budgets;
  }

  /** The budget of one connector's calls. */
  public CallBudget budgetOf(String connectorId) {
    return budgets.getOrDefault(connectorId, budget);
  }
}
