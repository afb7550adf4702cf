package io.leadbridge.rollout;

/**
 * How one connector's deliveries are doing, as the rollout report shows it; immutable.
 *
 * @param deliveredLastHour deliveries that reached the vendor in the last hour
 * @param failing deliveries waiting for another try after a failure, now
 * @param held deliveries held now (flag off, integration paused or disabled)
 * @param deadLastHour deliveries that became dead letters in the last hour
 * @param openBreakers integrations of the connector whose circuit breaker is open on this node
 */
public record ConnectorActivity(long deliveredLastHour, long failing, long held, long deadLastHour, long openBreakers) {

  public static final ConnectorActivity NONE = new ConnectorActivity(0, 0, 0, 0, 0);
}
