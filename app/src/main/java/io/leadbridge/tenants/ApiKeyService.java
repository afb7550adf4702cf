package io.leadbridge.tenants;

import io.leadbridge.auth.ApiKeys;
import io.leadbridge.auth.ApiKeys.MintedKey;
import io.leadbridge.auth.Role;
import io.leadbridge.storage.Page;
import io.leadbridge.storage.PageRequest;
import io.leadbridge.tenants.TenantException.ApiKeyNotFound;
import io.leadbridge.tenants.TenantException.LastOperatorKey;
import io.leadbridge.tenants.TenantException.TenantOffboarded;
import io.leadbridge.tenants.internal.ApiKeyDao;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Issues, lists and revokes API keys; thread-safe. */
public final class ApiKeyService {

  private static final Logger LOG = LoggerFactory.getLogger(ApiKeyService.class);

  private final Jdbi jdbi;
  private final TenantService tenants;
  private final Clock clock;

  public ApiKeyService(Jdbi jdbi, TenantService tenants, Clock clock) {
    this.jdbi = jdbi;
    this.tenants = tenants;
    this.clock = clock;
  }

  /**
   * Issues a key for a tenant role.
   *
   * @throws IllegalArgumentException for the operator role (the API validates this first)
   * @throws TenantException.TenantNotFound when the tenant does not exist
   * @throws TenantOffboarded when it was offboarded
   */
  public IssuedApiKey issueTenantKey(UUID tenantId, Role role, String label) {
    if (!role.isTenantRole()) {
      throw new IllegalArgumentException("tenant keys carry a tenant role");
    }
    if (!tenants.get(tenantId).isActive()) {
      throw new TenantOffboarded();
    }
    return issue(Optional.of(tenantId), role, label, Optional.empty());
  }

  /** Issues an operator key that never expires; only the command line does this. */
  public IssuedApiKey issueOperatorKey(String label) {
    return issueOperatorKey(label, Optional.empty());
  }

  /** Issues an operator key that stops working after {@code lifetime}, if given. */
  public IssuedApiKey issueOperatorKey(String label, Optional<Duration> lifetime) {
    return issue(Optional.empty(), Role.OPERATOR, label, lifetime.map(now()::plus));
  }

  /** Whether an operator key that still works exists, so start-up knows whether to mint the first. */
  public boolean hasOperatorKey() {
    return jdbi.withExtension(ApiKeyDao.class, dao -> dao.countUsableOperatorKeys(now())) > 0;
  }

  /** The operator keys, revoked and expired ones included, in creation order. */
  public Page<ApiKey> listOperatorKeys(PageRequest request) {
    List<ApiKey> rows = jdbi.withExtension(ApiKeyDao.class,
        dao -> dao.pageOperatorKeys(request.afterCreatedAt(), request.afterId(), request.limit() + 1));
    return Page.fromOverfetch(rows, request, k -> PageRequest.cursorAfter(k.createdAt(), k.id()));
  }

  /**
   * Revokes an operator key; revoking a revoked key changes nothing.
   *
   * @throws ApiKeyNotFound when no operator key has this id
   * @throws LastOperatorKey when it is the last one that still works
   */
  public void revokeOperatorKey(UUID keyId) {
    jdbi.useTransaction(handle -> {
      ApiKeyDao dao = handle.attach(ApiKeyDao.class);
      dao.findOperatorKey(keyId).orElseThrow(ApiKeyNotFound::new);
      Instant now = now();
      List<UUID> usable = dao.lockUsableOperatorKeys(now);
      if (usable.equals(List.of(keyId))) {
        throw new LastOperatorKey();
      }
      dao.revokeOperatorKey(keyId, now);
    });
    LOG.info("operator key {} revoked", keyId);
  }

  /** A tenant's keys, revoked ones included, in creation order. */
  public Page<ApiKey> listTenantKeys(UUID tenantId, PageRequest request) {
    tenants.get(tenantId);
    List<ApiKey> rows =
        jdbi.withExtension(
            ApiKeyDao.class,
            dao ->
                dao.pageForTenant(
                    tenantId, request.afterCreatedAt(), request.afterId(), request.limit() + 1));
    return Page.fromOverfetch(rows, request, k -> PageRequest.cursorAfter(k.createdAt(), k.id()));
  }

  /**
   * Revokes a tenant's key; revoking a revoked key changes nothing.
   *
   * @throws ApiKeyNotFound when the key is not one of this tenant's
   */
  public void revoke(UUID tenantId, UUID keyId) {
    tenants.get(tenantId);
    jdbi.useTransaction(
        handle -> {
          ApiKeyDao dao = handle.attach(ApiKeyDao.class);
          dao.findForTenant(tenantId, keyId).orElseThrow(ApiKeyNotFound::new);
          dao.revoke(tenantId, keyId, now());
        });
    LOG.info("api key {} of tenant {} revoked", keyId, tenantId);
  }

  private IssuedApiKey issue(Optional<UUID> tenantId, Role role, String label, Optional<Instant> expiresAt) {
    MintedKey minted = ApiKeys.mint();
    Instant now = now();
    jdbi.useExtension(
        ApiKeyDao.class,
        dao ->
            dao.insert(
                minted.keyId(), tenantId.orElse(null), role.name(), label, minted.secretHash(), now,
                expiresAt.orElse(null)));
    LOG.info("api key {} issued with role {}", minted.keyId(), role);
    ApiKey key = new ApiKey(minted.keyId(), tenantId, role, label, now, Optional.empty(), Optional.empty(), expiresAt);
    return new IssuedApiKey(key, minted.key());
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
