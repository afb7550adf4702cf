package io.leadbridge.integrations.internal;

import io.leadbridge.connector.api.DeliveryOutcome;

/**
 * A webhook exchange (or its token request) that ended without an answer to map: carries the
 * outcome the delivery gets. Its message is the outcome's text, which never holds a secret.
 * Immutable.
 */
final class WebhookFailure extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient DeliveryOutcome outcome;

  WebhookFailure(DeliveryOutcome outcome) {
    super(outcome.toString(), null, false, false);
    this.outcome = outcome;
  }

  DeliveryOutcome outcome() {
    return outcome;
  }
}
