package io.leadbridge.credentials;

import io.leadbridge.testing.Db;

class CredentialVaultPostgresTest extends CredentialVaultContract {
  @Override
  protected Db db() {
    return Db.POSTGRES;
  }
}
