package io.leadbridge.rollout;

import io.leadbridge.flags.FlagCatalog;
import io.leadbridge.flags.ConnectorFlags;
import io.leadbridge.rollout.api.ConnectorRolloutView;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The product managers' view of every connector's rollout (each of the flag catalog and each
 * started plugin): its flag, how many active tenants it is on for now, and how its deliveries are
 * doing. Thread-safe.
 */
public final class RolloutReport {

  private final FlagCatalog catalog;
  private final Supplier<List<String>> startedConnectors;
  private final RolloutGate gate;
  private final Supplier<List<UUID>> activeTenants;
  private final DeliveryActivity activity;

  public RolloutReport(FlagCatalog catalog, Supplier<List<String>> startedConnectors, RolloutGate gate,
      Supplier<List<UUID>> activeTenants, DeliveryActivity activity) {
    this.catalog = catalog;
    this.startedConnectors = startedConnectors;
    this.gate = gate;
    this.activeTenants = activeTenants;
    this.activity = activity;
  }

  /** One line per connector of the flag catalog, in catalog order, then per other started plugin, by id. */
  public List<ConnectorRolloutView> connectors() {
    List<UUID> tenants = activeTenants.get();
    Set<String> ids = new LinkedHashSet<>(catalog.connectorPluginIds());
    startedConnectors.get().stream().filter(ConnectorFlags::isValidPluginId).sorted().forEach(ids::add);
    List<String> connectorIds = List.copyOf(ids);
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
      views.add(new ConnectorRolloutView(id, ConnectorFlags.flagName(id), enabled[i], tenants.size(), activity.of(id)));
    }
    return views;
  }
}
