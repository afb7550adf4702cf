package io.leadbridge.credentials;

import io.leadbridge.testing.Db;

class CredentialVaultH2Test extends CredentialVaultContract {
  @Override
  protected Db db() {
    return Db.H2;
  }
}
