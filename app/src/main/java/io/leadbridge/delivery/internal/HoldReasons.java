package io.leadbridge.delivery.internal;

/**
 * What each {@code deliveries.hold_reason} means, in words a dealership's staff can act on; the
 * manual queue shows them for entries that were moved there while held. Stateless.
 */
final class HoldReasons {

  private HoldReasons() {}

  static String describe(String holdReason) {
    return switch (holdReason) {
      case HeldReleaser.CONNECTOR_NOT_ENABLED -> "the connector is not switched on for this dealership yet";
      case HeldReleaser.CONNECTOR_QUARANTINED -> "the connector's plugin was stopped by the hub after repeated faults";
      case HeldReleaser.INTEGRATION_DISABLED -> "the integration was disabled";
      case OutcomeRecorder.INTEGRATION_PAUSED -> "the integration was paused because the vendor refused its credentials";
      default -> "the delivery was held (" + holdReason + ")";
    };
  }
}
