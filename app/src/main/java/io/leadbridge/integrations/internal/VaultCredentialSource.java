package io.leadbridge.integrations.internal;

import io.leadbridge.audit.Actor;
import io.leadbridge.connector.api.CredentialUnavailableException;
import io.leadbridge.connectors.CredentialRef;
import io.leadbridge.connectors.CredentialSource;
import io.leadbridge.credentials.CredentialDecryptionException;
import io.leadbridge.credentials.CredentialException;
import io.leadbridge.credentials.CredentialVault;
import io.leadbridge.integrations.ThirdPartyIntegration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Gives the plugin host an integration's credentials from the vault, one field at a time and only
 * when a connector uses it; every reveal is audited by the vault with the connector as purpose.
 * Thread-safe.
 */
public final class VaultCredentialSource implements CredentialSource {

  private final Jdbi jdbi;
  private final CredentialVault vault;

  public VaultCredentialSource(Jdbi jdbi, CredentialVault vault) {
    this.jdbi = jdbi;
    this.vault = vault;
  }

  @Override
  public boolean isSet(CredentialRef ref) {
    return integration(ref)
        .flatMap(ThirdPartyIntegration::credential)
        .map(credential -> vault.describe(ref.tenantId(), credential).fields().contains(ref.field()))
        .orElse(false);
  }

  @Override
  public char[] reveal(CredentialRef ref) {
    io.leadbridge.credentials.CredentialRef credential = integration(ref)
        .flatMap(ThirdPartyIntegration::credential)
        .orElseThrow(() -> notSet(ref));
    try {
      return vault.open(ref.tenantId(), credential, "connector " + ref.connectorId(),
          Actor.system("connector:" + ref.connectorId()), opened -> {
            if (!opened.has(ref.field())) {
              throw notSet(ref);
            }
            return opened.chars(ref.field());
          });
    } catch (CredentialException | CredentialDecryptionException e) {
      throw new CredentialUnavailableException(
          "credential field " + ref.field() + " cannot be read now (" + e.code() + ")");
    }
  }

  private Optional<ThirdPartyIntegration> integration(CredentialRef ref) {
    return jdbi.withExtension(ThirdPartyIntegrationDao.class, dao -> dao.find(ref.tenantId(), ref.integrationId()))
        .filter(i -> i.connector().equals(ref.connectorId()));
  }

  private static CredentialUnavailableException notSet(CredentialRef ref) {
    return new CredentialUnavailableException("credential field " + ref.field() + " is not set");
  }
}
