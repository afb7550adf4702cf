package io.leadbridge.flags;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the one strategy shape both the bootstrap and the Admin API use, so the embedded default
 * and a synced server never disagree on parameters. Stateless and thread-safe.
 */
final class StrategyJson {

  private StrategyJson() {}

  /**
   * A flexibleRollout strategy. groupId is the flag name so every flag buckets tenants on its own;
   * a shared groupId would give the same tenants every 10% rollout of every connector.
   */
  static ObjectNode flexibleRollout(String flagName, TenantRollout rollout) {
    ObjectNode strategy = JsonNodeFactory.instance.objectNode();
    strategy.put("name", TenantRollout.STRATEGY_NAME);
    ObjectNode parameters = strategy.putObject("parameters");
    parameters.put("rollout", Integer.toString(rollout.percentage()));
    parameters.put("stickiness", TenantRollout.STICKINESS);
    parameters.put("groupId", flagName);
    strategy.putArray("constraints");
    return strategy;
  }
}
