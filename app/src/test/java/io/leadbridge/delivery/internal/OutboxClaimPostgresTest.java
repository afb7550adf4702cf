package io.leadbridge.delivery.internal;

import io.leadbridge.testing.Db;

class OutboxClaimPostgresTest extends OutboxClaimContract {
  @Override
  protected Db db() {
    return Db.POSTGRES;
  }
}
