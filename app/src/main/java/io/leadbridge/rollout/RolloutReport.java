package io.leadbridge.rollout;

import io.leadbridge.flags.FlagCatalog;
import io.leadbridge.flags.FlagDefinition;
import io.leadbridge.rollout.api.ConnectorRolloutView;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The product managers' view of every connector's rollout: its flag, how many active tenants it is
 * on for now, and how its deliveries are doing. Thread-safe.
 */
public final class RolloutReport {

  private final FlagCatalog catalog;
  private final RolloutGate gate;
  private final Supplier<List<UUID>> activeTenants;
  private final DeliveryActivity activity;

  public RolloutReport(FlagCatalog catalog, RolloutGate gate, Supplier<List<UUID>> activeTenants,
      DeliveryActivity activity) {
    this.catalog = catalog;
    this.gate = gate;
    this.activeTenants = activeTenants;
    this.activity = activity;
  }

  /** One line per connector of the flag catalog, in catalog order. */
  public List<ConnectorRolloutView> connectors() {
    List<UUID> tenants = activeTenants.get();
    List<String> connectorIds = catalog.connectorPluginIds();
    int[] enabled = new int[connectorIds.size()];
    for (UUID tenant : tenants) {
      Set<String> on = gate.enabledConnectors(tenant, connectorIds);
      for (int i = 0; i < connectorIds.size(); i++) {
        enabled[i] += on.contains(connectorIds.get(i)) ? 1 : 0;
      }
    }
    List<ConnectorRolloutView> views = new ArrayList<>();
    for (int i = 0; i < connectorIds.size(); i++) {
      String id = connectorIds.get(i);
      String flag = catalog.connectorFlag(id).map(FlagDefinition::name).orElseThrow();
      views.add(new ConnectorRolloutView(id, flag, enabled[i], tenants.size(), activity.of(id)));
    }
    return views;
  }
}
