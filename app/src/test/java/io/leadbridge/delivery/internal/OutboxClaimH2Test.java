package io.leadbridge.delivery.internal;

import io.leadbridge.testing.Db;

class OutboxClaimH2Test extends OutboxClaimContract {
  @Override
  protected Db db() {
    return Db.H2;
  }
}
