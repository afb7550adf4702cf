package io.leadbridge.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import io.leadbridge.audit.Actor;
import io.leadbridge.audit.AuditAction;
import io.leadbridge.audit.AuditEvent;
import io.leadbridge.audit.AuditTrail;
import io.leadbridge.credentials.CredentialException.CredentialNotFoundException;
import io.leadbridge.credentials.CredentialException.CredentialsShreddedException;
import io.leadbridge.credentials.CredentialException.InvalidCredentialException;
import io.leadbridge.credentials.internal.DataKeyCache;
import io.leadbridge.credentials.internal.KeyGenerations;
import io.leadbridge.credentials.internal.TenantKeys;
import io.leadbridge.credentials.internal.VaultDao;
import io.leadbridge.storage.PageRequest;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.TestApps;
import io.leadbridge.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The vault on a real database: storage, isolation, audit, rotation, crypto-shredding. Runs on each
 * database, each test on a database of its own; not thread-safe (JUnit runs its tests one at a
 * time).
 */
@ParameterizedClass
@EnumSource(Db.class)
class CredentialVaultTest {

  private static final Actor ACTOR = Actor.system("test");

  @Parameter
  Db db;

  private Jdbi jdbi;
  private final Path keyDirectory = TestApps.tempDir();
  private CountingKeyProvider provider;
  private AuditTrail audit;
  private CredentialVault vault;
  private KeyRotation rotation;

  @BeforeEach
  void openVault() {
    jdbi = TestDatabases.migrated(db);
    provider = new CountingKeyProvider(keyDirectory);
    audit = new AuditTrail(jdbi, Clock.systemUTC());
    vault = vaultWithColdCache();
  }

  @AfterEach
  void closeVault() {
    provider.close();
  }

  /** A vault as a freshly started node would have it: same storage and keys, empty cache. */
  private CredentialVault vaultWithColdCache() {
    Node node = node();
    rotation = node.rotation();
    return node.vault();
  }

  /**
   * A node of its own on the shared database and key service, with its cache's clock in the test's
   * hands: {@code nanos} moves only when the test moves it.
   */
  private Node node() {
    AtomicLong nanos = new AtomicLong(System.nanoTime());
    DataKeyCache cache = new DataKeyCache(Duration.ofMinutes(5), 100_000, 1000, new MetricRegistry(), nanos::get);
    TenantKeys keys = new TenantKeys(jdbi, provider, cache, new KeyGenerations(jdbi, cache, nanos::get), Clock.systemUTC());
    return new Node(new CredentialVault(jdbi, keys, cache, audit, Clock.systemUTC()),
        new KeyRotation(jdbi, provider, keys, cache, audit), cache, nanos);
  }

  private record Node(CredentialVault vault, KeyRotation rotation, DataKeyCache cache, AtomicLong nanos) {
    /** Moves the node's clock past the most a cached key may lag behind a change elsewhere. */
    void aLookLater() {
      nanos.addAndGet(KeyGenerations.LOOK_EVERY.toNanos());
    }
  }

  private static Map<String, SecretValue> token(String value) {
    return Map.of("accessToken", SecretValue.of(value));
  }

  private String reveal(UUID tenant, CredentialRef ref) {
    return revealWith(vault, tenant, ref);
  }

  private static String revealWith(CredentialVault vault, UUID tenant, CredentialRef ref) {
    return vault.open(tenant, ref, "test", ACTOR,
        c -> new String(c.field("accessToken").reveal(), StandardCharsets.UTF_8));
  }

  @Test
  void aStoredCredentialOpensOnlyInsideTheCallbackAndIsWipedAfterwards() {
    UUID tenant = UUID.randomUUID();
    CredentialMetadata stored = vault.store(tenant, Map.of(
        "clientId", SecretValue.of("client-1"), "clientSecret", SecretValue.of("s3cr3t-value")), ACTOR);
    List<SecretValue> leaked = new ArrayList<>();

    String seen = vault.open(tenant, stored.ref(), "check", ACTOR, c -> {
      leaked.add(c.field("clientSecret"));
      return new String(c.field("clientSecret").reveal(), StandardCharsets.UTF_8);
    });

    assertThat(seen).isEqualTo("s3cr3t-value");
    assertThat(leaked).singleElement().satisfies(s -> {
      assertThat(s.isWiped()).isTrue();
      assertThatThrownBy(s::reveal).isInstanceOf(IllegalStateException.class);
    });
    assertThat(stored.fields()).containsExactlyInAnyOrder("clientId", "clientSecret");
    assertThat(stored.fingerprint()).matches("[0-9a-f]{8}");
  }

  @Test
  void theFingerprintFollowsTheValueAndReplaceChangesIt() {
    UUID tenant = UUID.randomUUID();
    CredentialMetadata first = vault.store(tenant, token("value-one"), ACTOR);
    CredentialMetadata same = vault.store(tenant, token("value-one"), ACTOR);

    CredentialMetadata replaced = vault.replace(tenant, first.ref(), token("value-two"), ACTOR);

    assertThat(same.fingerprint()).isEqualTo(first.fingerprint());
    assertThat(replaced.fingerprint()).isNotEqualTo(first.fingerprint());
    assertThat(replaced.updatedAt()).isAfterOrEqualTo(first.updatedAt());
    assertThat(reveal(tenant, first.ref())).isEqualTo("value-two");
  }

  @Test
  void anotherTenantCannotOpenReplaceOrDestroyAReference() {
    UUID owner = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    CredentialRef ref = vault.store(owner, token("owned"), ACTOR).ref();

    assertThatThrownBy(() -> reveal(other, ref)).isInstanceOf(CredentialNotFoundException.class);
    assertThatThrownBy(() -> vault.replace(other, ref, token("x"), ACTOR)).isInstanceOf(CredentialNotFoundException.class);
    vault.destroy(other, ref, ACTOR);
    assertThat(reveal(owner, ref)).isEqualTo("owned");
  }

  @Test
  void destroyRemovesTheCredentialAndIsIdempotent() {
    UUID tenant = UUID.randomUUID();
    CredentialRef ref = vault.store(tenant, token("doomed"), ACTOR).ref();

    vault.destroy(tenant, ref, ACTOR);
    vault.destroy(tenant, ref, ACTOR);

    assertThatThrownBy(() -> reveal(tenant, ref)).isInstanceOf(CredentialNotFoundException.class);
    assertThat(count("SELECT COUNT(*) FROM credentials.envelopes WHERE id = ?", ref.id())).isZero();
  }

  @Test
  void invalidCredentialSetsAreRefusedWithoutNamingValues() {
    UUID tenant = UUID.randomUUID();

    assertThatThrownBy(() -> vault.store(tenant, Map.of(), ACTOR)).isInstanceOf(InvalidCredentialException.class);
    assertThatThrownBy(() -> vault.store(tenant, Map.of("accessToken", SecretValue.of("")), ACTOR))
        .isInstanceOf(InvalidCredentialException.class);
    assertThatThrownBy(() -> vault.store(tenant, Map.of("bad name!", SecretValue.of("v")), ACTOR))
        .isInstanceOf(InvalidCredentialException.class);
    assertThatThrownBy(() -> vault.store(tenant, Map.of("big", SecretValue.of("x".repeat(8193))), ACTOR))
        .isInstanceOf(InvalidCredentialException.class)
        .hasMessageNotContaining("xxxx");
  }

  @Test
  void aCredentialTooLargeForItsEnvelopeIsRefusedUpFront() {
    Map<String, SecretValue> fields = new HashMap<>();
    for (int i = 0; i < 16; i++) {
      fields.put("field" + i, SecretValue.of("x".repeat(8192)));
    }

    assertThatThrownBy(() -> vault.store(UUID.randomUUID(), fields, ACTOR))
        .isInstanceOf(InvalidCredentialException.class)
        .hasMessageContaining("in all");
  }

  @Test
  void reencryptionNeverOverwritesAnEnvelopeReplacedSinceItWasRead() {
    UUID tenant = UUID.randomUUID();
    CredentialRef ref = vault.store(tenant, token("old-token"), ACTOR).ref();
    byte[] read = envelopeBytes(ref);
    vault.replace(tenant, ref, token("new-token"), ACTOR);

    int updated = jdbi.withExtension(VaultDao.class,
        d -> d.reencryptEnvelope(ref.id(), tenant, 1, read, 2, read));

    assertThat(updated).isZero();
    assertThat(reveal(tenant, ref)).isEqualTo("new-token");
  }

  @Test
  void anEnvelopeCopiedToAnotherCredentialOrTenantDoesNotOpen() {
    UUID tenant = UUID.randomUUID();
    UUID otherTenant = UUID.randomUUID();
    CredentialRef source = vault.store(tenant, token("original"), ACTOR).ref();
    CredentialRef sameTenantTarget = vault.store(tenant, token("target"), ACTOR).ref();
    CredentialRef otherTenantTarget = vault.store(otherTenant, token("target"), ACTOR).ref();

    copyEnvelope(source, sameTenantTarget);
    copyEnvelope(source, otherTenantTarget);

    assertThatThrownBy(() -> reveal(tenant, sameTenantTarget)).isExactlyInstanceOf(CredentialDecryptionException.class);
    assertThatThrownBy(() -> reveal(otherTenant, otherTenantTarget)).isExactlyInstanceOf(CredentialDecryptionException.class);
    assertThat(events(tenant)).extracting(AuditEvent::action).contains(AuditAction.CREDENTIAL_OPEN_FAILED);
  }

  @Test
  void theVaultTablesHoldNoPlaintext() {
    UUID tenant = UUID.randomUUID();
    String canary = "CANARY-" + UUID.randomUUID();
    vault.store(tenant, token(canary), ACTOR);

    byte[] needle = canary.getBytes(StandardCharsets.UTF_8);
    List<byte[]> blobs = jdbi.withHandle(h -> h.createQuery(
            "SELECT envelope FROM credentials.envelopes UNION ALL SELECT wrapped_key FROM credentials.data_keys")
        .mapTo(byte[].class).list());
    assertThat(blobs).isNotEmpty().noneMatch(b -> HexFormat.of().formatHex(b).contains(HexFormat.of().formatHex(needle)));
  }

  @Test
  void everyWriteOpenAndDestructionIsAuditedWithoutTheValue() {
    UUID tenant = UUID.randomUUID();
    CredentialRef ref = vault.store(tenant, token("CANARY-audit"), ACTOR).ref();
    reveal(tenant, ref);
    vault.replace(tenant, ref, token("CANARY-audit-2"), ACTOR);
    vault.destroy(tenant, ref, Actor.command("ops"));

    List<AuditEvent> events = events(tenant);
    assertThat(events).extracting(AuditEvent::action).containsExactly(
        AuditAction.DATA_KEY_CREATED, AuditAction.CREDENTIAL_STORED, AuditAction.CREDENTIAL_OPENED,
        AuditAction.CREDENTIAL_REPLACED, AuditAction.CREDENTIAL_DESTROYED);
    assertThat(events).filteredOn(e -> e.action() == AuditAction.CREDENTIAL_OPENED).singleElement()
        .satisfies(e -> {
          assertThat(e.subject()).contains(ref.toString());
          assertThat(e.purpose()).contains("test");
          assertThat(e.actor()).isEqualTo(ACTOR);
        });
    assertThat(events.get(4).actor()).isEqualTo(Actor.command("ops"));
    assertThat(events).allSatisfy(e -> assertThat(e.toString()).doesNotContain("CANARY"));
  }

  @Test
  void aWarmCacheCallsTheKeyServiceAboutOncePerTenant() {
    List<UUID> tenants = new ArrayList<>();
    List<CredentialRef> refs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      UUID tenant = UUID.randomUUID();
      tenants.add(tenant);
      refs.add(vault.store(tenant, token("t" + i), ACTOR).ref());
    }
    CredentialVault cold = vaultWithColdCache();
    int before = provider.unwrapped.get();

    for (int round = 0; round < 20; round++) {
      for (int i = 0; i < tenants.size(); i++) {
        cold.open(tenants.get(i), refs.get(i), "deliver", ACTOR, c -> c.has("accessToken"));
      }
    }

    assertThat(provider.unwrapped.get() - before).isEqualTo(tenants.size());
  }

  @Test
  void concurrentFirstSecretsOfATenantAgreeOnOneDataKey() throws Exception {
    UUID tenant = UUID.randomUUID();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<CredentialRef>> refs = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        CredentialVault node = vaultWithColdCache();
        String value = "v" + i;
        refs.add(pool.submit(() -> node.store(tenant, token(value), ACTOR).ref()));
      }
      for (int i = 0; i < refs.size(); i++) {
        assertThat(reveal(tenant, refs.get(i).get(10, TimeUnit.SECONDS))).isEqualTo("v" + i);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(count("SELECT COUNT(*) FROM credentials.data_keys WHERE tenant_id = ?", tenant)).isEqualTo(1);
  }

  @Test
  void cryptoShreddingMakesATenantsSecretsUnrecoverableAndLeavesOthersAlone() {
    UUID doomed = UUID.randomUUID();
    UUID survivor = UUID.randomUUID();
    CredentialRef doomedRef = vault.store(doomed, token("gone-soon"), ACTOR).ref();
    CredentialRef survivorRef = vault.store(survivor, token("still-here"), ACTOR).ref();
    byte[] backupOfEnvelope = envelopeBytes(doomedRef);
    reveal(doomed, doomedRef);

    vault.shredTenant(doomed, Actor.system("offboarding"));
    vault.shredTenant(doomed, Actor.system("offboarding"));
    restoreEnvelope(doomedRef, doomed, backupOfEnvelope);

    assertThatThrownBy(() -> reveal(doomed, doomedRef)).isExactlyInstanceOf(CredentialDecryptionException.class);
    assertThatThrownBy(() -> revealWith(vaultWithColdCache(), doomed, doomedRef))
        .isExactlyInstanceOf(CredentialDecryptionException.class);
    assertThatThrownBy(() -> vault.store(doomed, token("again"), ACTOR)).isInstanceOf(CredentialsShreddedException.class);
    assertThat(count("SELECT COUNT(*) FROM credentials.data_keys WHERE tenant_id = ?", doomed)).isZero();
    assertThat(reveal(survivor, survivorRef)).isEqualTo("still-here");
    assertThat(events(doomed)).extracting(AuditEvent::action).contains(AuditAction.TENANT_KEYS_SHREDDED);
  }

  @Test
  void rotatingATenantReencryptsItsSecretsUnderANewVersionAndDestroysTheOldKey() {
    UUID tenant = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    List<CredentialRef> refs = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      refs.add(vault.store(tenant, token("secret-" + i), ACTOR).ref());
    }
    CredentialRef otherRef = vault.store(other, token("other"), ACTOR).ref();
    byte[] otherEnvelope = envelopeBytes(otherRef);

    KeyRotation.TenantRotationReport report = rotation.rotateTenant(tenant, Actor.command("keys rotate-tenant"));

    assertThat(report.newVersion()).isEqualTo(2);
    assertThat(report.reencrypted()).isEqualTo(150);
    assertThat(report.unreadable()).isZero();
    assertThat(report.retiredKeys()).isEqualTo(1);
    CredentialVault fresh = vaultWithColdCache();
    for (int i = 0; i < refs.size(); i++) {
      assertThat(revealWith(fresh, tenant, refs.get(i))).isEqualTo("secret-" + i);
    }
    assertThat(count("SELECT COUNT(*) FROM credentials.envelopes WHERE tenant_id = ? AND key_version = 2", tenant))
        .isEqualTo(150);
    assertThat(count("SELECT COUNT(*) FROM credentials.data_keys WHERE tenant_id = ?", tenant)).isEqualTo(1);
    assertThat(envelopeBytes(otherRef)).isEqualTo(otherEnvelope);
    assertThat(events(tenant)).extracting(AuditEvent::action).contains(AuditAction.TENANT_KEY_ROTATED);
  }

  @Test
  void aDamagedEnvelopeDoesNotStopATenantRotationAndKeepsItsKey() {
    UUID tenant = UUID.randomUUID();
    CredentialRef good = vault.store(tenant, token("good"), ACTOR).ref();
    CredentialRef damaged = vault.store(tenant, token("damaged"), ACTOR).ref();
    byte[] bytes = envelopeBytes(damaged);
    bytes[bytes.length - 1] ^= 1;
    jdbi.useHandle(h -> h.createUpdate("UPDATE credentials.envelopes SET envelope = ? WHERE id = ?")
        .bind(0, bytes).bind(1, damaged.id()).execute());

    KeyRotation.TenantRotationReport report = rotation.rotateTenant(tenant, ACTOR);

    assertThat(report.reencrypted()).isEqualTo(1);
    assertThat(report.unreadable()).isEqualTo(1);
    assertThat(report.retiredKeys()).isZero();
    assertThat(revealWith(vaultWithColdCache(), tenant, good)).isEqualTo("good");
  }

  @Test
  void aKekRewrapKilledHalfWayFinishesWhenRunAgainAndASecondRunChangesNothing() {
    List<UUID> tenants = new ArrayList<>();
    List<CredentialRef> refs = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      UUID tenant = UUID.randomUUID();
      tenants.add(tenant);
      refs.add(vault.store(tenant, token("kek-" + i), ACTOR).ref());
    }
    provider.crashAfterRewraps(5);

    assertThatThrownBy(() -> rotation.rewrapAll("local:next", Actor.command("keys rotate-kek")))
        .isInstanceOf(CountingKeyProvider.SimulatedCrash.class);
    assertThat(count("SELECT COUNT(*) FROM credentials.data_keys WHERE kek_id = ?", "local:next")).isEqualTo(5);
    assertOpens(tenants, refs);

    provider.healed();
    KeyRotation.RewrapReport second = rotation.rewrapAll("local:next", Actor.command("keys rotate-kek"));
    KeyRotation.RewrapReport third = rotation.rewrapAll("local:next", Actor.command("keys rotate-kek"));

    assertThat(second.rewrapped()).isEqualTo(7);
    assertThat(third.rewrapped()).isZero();
    assertThat(count("SELECT COUNT(*) FROM credentials.data_keys WHERE kek_id <> ?", "local:next")).isZero();
    assertOpens(tenants, refs);
  }

  @Test
  void aTenantShreddedOnAnotherNodeCannotBeOpenedHereFromTheCacheASecondLater() {
    Node a = node();
    Node b = node();
    UUID doomed = UUID.randomUUID();
    UUID survivor = UUID.randomUUID();
    CredentialRef doomedRef = a.vault().store(doomed, token("gone-soon"), ACTOR).ref();
    CredentialRef survivorRef = a.vault().store(survivor, token("still-here"), ACTOR).ref();
    byte[] backupOfEnvelope = envelopeBytes(doomedRef);
    assertThat(revealWith(a.vault(), doomed, doomedRef)).isEqualTo("gone-soon");
    assertThat(a.cache().size()).isEqualTo(2);

    b.vault().shredTenant(doomed, Actor.system("offboarding"));
    restoreEnvelope(doomedRef, doomed, backupOfEnvelope);
    a.aLookLater();

    assertThatThrownBy(() -> revealWith(a.vault(), doomed, doomedRef))
        .as("the restored copy needs the shredded key, which node A must no longer hold")
        .isExactlyInstanceOf(CredentialDecryptionException.class);
    assertThat(a.cache().size()).as("only the survivor's key is left").isEqualTo(1);
    int unwrapsBefore = provider.unwrapped.get();
    assertThat(revealWith(a.vault(), survivor, survivorRef)).isEqualTo("still-here");
    assertThat(provider.unwrapped.get()).as("another tenant's key stays cached").isEqualTo(unwrapsBefore);
  }

  @Test
  void aTenantRotatedOnAnotherNodeIsOpenedHereWithTheNewKeyNotTheCachedOldOne() {
    Node a = node();
    Node b = node();
    UUID tenant = UUID.randomUUID();
    CredentialRef ref = a.vault().store(tenant, token("rotate-me"), ACTOR).ref();
    byte[] underVersionOne = envelopeBytes(ref);
    assertThat(revealWith(a.vault(), tenant, ref)).isEqualTo("rotate-me");

    KeyRotation.TenantRotationReport report = b.rotation().rotateTenant(tenant, Actor.command("keys rotate-tenant"));
    a.aLookLater();
    int unwrapsBefore = provider.unwrapped.get();

    assertThat(report.retiredKeys()).isEqualTo(1);
    assertThat(revealWith(a.vault(), tenant, ref)).isEqualTo("rotate-me");
    assertThat(provider.unwrapped.get() - unwrapsBefore).as("version 2, unwrapped once").isEqualTo(1);
    assertThat(a.cache().size()).as("version 1 is dropped, not kept beside version 2").isEqualTo(1);
    // An old copy of the envelope needs the retired version 1, which node A no longer holds either.
    jdbi.useHandle(h -> h.createUpdate("UPDATE credentials.envelopes SET key_version = 1, envelope = ? WHERE id = ?")
        .bind(0, underVersionOne).bind(1, ref.id()).execute());
    assertThatThrownBy(() -> revealWith(a.vault(), tenant, ref)).isExactlyInstanceOf(CredentialDecryptionException.class);
  }

  @Test
  void aKekRewrapOnAnotherNodeMakesThisNodeUnwrapEveryKeyAgainUnderTheNewKek() {
    Node a = node();
    Node b = node();
    List<UUID> tenants = List.of(UUID.randomUUID(), UUID.randomUUID());
    List<CredentialRef> refs = new ArrayList<>();
    for (UUID tenant : tenants) {
      refs.add(a.vault().store(tenant, token("kek-" + refs.size()), ACTOR).ref());
    }
    b.rotation().rewrapAll("local:next", Actor.command("keys rotate-kek"));
    int unwrapsBefore = provider.unwrapped.get();

    assertThat(revealWith(a.vault(), tenants.get(0), refs.get(0))).as("within the second").isEqualTo("kek-0");
    assertThat(provider.unwrapped.get()).isEqualTo(unwrapsBefore);
    a.aLookLater();
    for (int i = 0; i < tenants.size(); i++) {
      assertThat(revealWith(a.vault(), tenants.get(i), refs.get(i))).isEqualTo("kek-" + i);
    }
    assertThat(provider.unwrapped.get() - unwrapsBefore).isEqualTo(tenants.size());
  }

  @Test
  void concurrentKeyChangesOnSeveralNodesAreEachSeenByEveryNode() throws Exception {
    Node watcher = node();
    List<UUID> tenants = new ArrayList<>();
    List<CredentialRef> refs = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      UUID tenant = UUID.randomUUID();
      tenants.add(tenant);
      refs.add(watcher.vault().store(tenant, token("c-" + i), ACTOR).ref());
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> rotations = new ArrayList<>();
      for (UUID tenant : tenants) {
        Node other = node();
        rotations.add(pool.submit(() -> other.rotation().rotateTenant(tenant, ACTOR)));
      }
      for (Future<?> rotation : rotations) {
        rotation.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    watcher.aLookLater();
    int unwrapsBefore = provider.unwrapped.get();

    for (int i = 0; i < tenants.size(); i++) {
      assertThat(revealWith(watcher.vault(), tenants.get(i), refs.get(i))).isEqualTo("c-" + i);
    }
    assertThat(watcher.cache().size()).isEqualTo(tenants.size());
    assertThat(provider.unwrapped.get() - unwrapsBefore).isEqualTo(tenants.size());
    long generation = jdbi.withHandle(h -> h.createQuery("SELECT generation FROM credentials.key_generation")
        .mapTo(Long.class).one());
    assertThat(generation).isGreaterThanOrEqualTo(tenants.size());
  }

  private void assertOpens(List<UUID> tenants, List<CredentialRef> refs) {
    CredentialVault fresh = vaultWithColdCache();
    for (int i = 0; i < tenants.size(); i++) {
      assertThat(revealWith(fresh, tenants.get(i), refs.get(i))).isEqualTo("kek-" + i);
    }
  }

  private List<AuditEvent> events(UUID tenant) {
    return audit.page(Optional.of(tenant), PageRequest.of(200, null)).items();
  }

  private int count(String sql, Object parameter) {
    return jdbi.withHandle(h -> h.createQuery(sql).bind(0, parameter).mapTo(Integer.class).one());
  }

  private byte[] envelopeBytes(CredentialRef ref) {
    return jdbi.withHandle(h -> h.createQuery("SELECT envelope FROM credentials.envelopes WHERE id = ?")
        .bind(0, ref.id()).mapTo(byte[].class).one());
  }

  private void copyEnvelope(CredentialRef from, CredentialRef to) {
    byte[] bytes = envelopeBytes(from);
    jdbi.useHandle(h -> h.createUpdate("UPDATE credentials.envelopes SET envelope = ? WHERE id = ?")
        .bind(0, bytes).bind(1, to.id()).execute());
  }

  private void restoreEnvelope(CredentialRef ref, UUID tenant, byte[] envelope) {
    jdbi.useHandle(h -> h.createUpdate(
            "INSERT INTO credentials.envelopes (id, tenant_id, key_version, envelope, field_names, fingerprint,"
                + " created_at, updated_at) VALUES (?, ?, 1, ?, 'accessToken', '00000000', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
        .bind(0, ref.id()).bind(1, tenant).bind(2, envelope).execute());
  }
}
