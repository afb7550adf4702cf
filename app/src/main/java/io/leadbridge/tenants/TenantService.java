package io.leadbridge.tenants;

import io.leadbridge.storage.Page;
import io.leadbridge.storage.PageRequest;
import io.leadbridge.storage.SqlErrors;
import io.leadbridge.tenants.TenantException.SlugTaken;
import io.leadbridge.tenants.TenantException.TenantNotFound;
import io.leadbridge.tenants.internal.ApiKeyDao;
import io.leadbridge.tenants.internal.TenantDao;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates, reads and offboards tenants; thread-safe. */
public final class TenantService {

  private static final Logger LOG = LoggerFactory.getLogger(TenantService.class);

  private final Jdbi jdbi;
  private final Clock clock;
  private final List<OffboardingStep> offboardingSteps;

  public TenantService(Jdbi jdbi, Clock clock, List<OffboardingStep> offboardingSteps) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.offboardingSteps = List.copyOf(offboardingSteps);
  }

  /**
   * Creates an active tenant.
   *
   * @throws SlugTaken when another tenant has the slug
   */
  public Tenant create(NewTenant request) {
    UUID id = UUID.randomUUID();
    Instant now = now();
    try {
      jdbi.useExtension(
          TenantDao.class,
          dao ->
              dao.insert(
                  id,
                  request.name(),
                  request.slug(),
                  request.tier().orElse(null),
                  request.region().orElse(null),
                  now));
    } catch (UnableToExecuteStatementException e) {
      if (SqlErrors.isUniqueViolation(e)) {
        throw new SlugTaken();
      }
      throw e;
    }
    LOG.info("tenant {} created", id);
    return get(id);
  }

  /**
   * Reads a tenant, active or offboarded.
   *
   * @throws TenantNotFound when there is none with this id
   */
  public Tenant get(UUID id) {
    return find(id).orElseThrow(TenantNotFound::new);
  }

  /** A tenant, active or offboarded, if there is one with this id. */
  public Optional<Tenant> find(UUID id) {
    return jdbi.withExtension(TenantDao.class, dao -> dao.find(id));
  }

  /** The ids of every active tenant, in creation order (for reports over all tenants). */
  public List<UUID> activeIds() {
    return jdbi.withExtension(TenantDao.class, TenantDao::activeIds);
  }

  /** Tenants in creation order. */
  public Page<Tenant> list(PageRequest request) {
    List<Tenant> rows =
        jdbi.withExtension(
            TenantDao.class,
            dao -> dao.page(request.afterCreatedAt(), request.afterId(), request.limit() + 1));
    return Page.fromOverfetch(rows, request, t -> PageRequest.cursorAfter(t.createdAt(), t.id()));
  }

  /**
   * Offboards a tenant: revokes its keys at once, then runs every module's offboarding step.
   * Running it again on an offboarded tenant repeats the steps, which finishes an interrupted run.
   *
   * @throws TenantNotFound when there is none with this id
   */
  public void offboard(UUID id) {
    get(id);
    Instant now = now();
    jdbi.useTransaction(
        handle -> {
          handle.attach(ApiKeyDao.class).revokeAllOfTenant(id, now);
          handle.attach(TenantDao.class).markOffboarded(id, now);
        });
    for (OffboardingStep step : offboardingSteps) {
      step.offboard(id);
    }
    LOG.info("tenant {} offboarded", id);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
