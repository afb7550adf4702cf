package io.leadbridge.integrations.internal;

import io.leadbridge.connector.api.CheckResult;
import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connectors.CallTarget;
import io.leadbridge.connectors.ConnectorRegistry;
import io.leadbridge.integrations.ConnectorDirectory;
import io.leadbridge.integrations.ThirdPartyIntegration;
import io.leadbridge.rollout.RolloutGate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The connectors a tenant may use, from the plugin host and the rollout: every STARTED plugin
 * whose {@code connector.<pluginId>} flag is on for the tenant. Thread-safe.
 */
public final class RegistryConnectorDirectory implements ConnectorDirectory {


  private final ConnectorRegistry registry;
  private final RolloutGate rollout;

  public RegistryConnectorDirectory(ConnectorRegistry registry, RolloutGate rollout) {
    this.registry = registry;
    this.rollout = rollout;
  }

  @Override
  public List<ConnectorDescriptor> availableTo(UUID tenantId) {
    List<ConnectorDescriptor> started = registry.startedDescriptors();
    Set<String> enabled = rollout.enabledConnectors(tenantId, started.stream().map(ConnectorDescriptor::id).toList());
    return started.stream().filter(d -> enabled.contains(d.id())).toList();
  }

  @Override
  public Optional<ConnectorDescriptor> started(String connectorId) {
    return registry.startedDescriptors().stream().filter(d -> d.id().equals(connectorId)).findFirst();
  }

  @Override
  public List<StartedConnector> startedConnectors() {
    return registry.startedDescriptors().stream()
        .map(descriptor -> new StartedConnector(descriptor, rollout.availability(descriptor.id())))
        .toList();
  }

  @Override
  public CheckResult check(ThirdPartyIntegration integration, Instant deadline) {
    return registry.check(integration.connector(), new CallTarget(integration.tenantId(), integration.id(),
        integration.baseUrl(), integration.settings(), integration.budgetAccount()), deadline);
  }
}
