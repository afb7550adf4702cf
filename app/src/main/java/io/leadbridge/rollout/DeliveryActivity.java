package io.leadbridge.rollout;

/**
 * Where the rollout report reads each connector's delivery numbers; the delivery module implements
 * it from its metrics. Implementations are thread-safe.
 */
public interface DeliveryActivity {

  /** The connector's numbers; {@link ConnectorActivity#NONE} when it has had no deliveries. */
  ConnectorActivity of(String connectorId);
}
