package io.leadbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.audit.AuditAction;
import io.leadbridge.bench.internal.CryptoState;
import io.leadbridge.bench.internal.SampleCredential;
import io.leadbridge.bench.internal.VaultState;
import io.leadbridge.credentials.SecretValue;
import io.leadbridge.credentials.internal.StoredEnvelope;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each benchmark, called once outside JMH (nothing is timed): it does the work its name claims,
 * on the sample credential, and the "warm" ones never go back to the key provider.
 */
class CredentialOpenBenchmarkTest {

  private final CredentialOpenBenchmark benchmark = new CredentialOpenBenchmark();
  private final CryptoState crypto = new CryptoState();
  private final VaultState vault = new VaultState();

  @BeforeEach
  void setUp() throws Exception {
    crypto.setUp();
    vault.setUp();
  }

  @AfterEach
  void tearDown() {
    vault.tearDown();
  }

  @Test
  void rawDecryptRecoversAPlaintextAsLongAsTheEnvelopes() throws Exception {
    assertThat(benchmark.rawAesGcmDecrypt(crypto)).hasSize(crypto.plaintextBytes);
    assertThat(crypto.plaintextBytes).isBetween(90, 120);
  }

  @Test
  void envelopeOpenDecodesTheFieldsWipesThemAndUsesOnlyTheCachedKey() {
    long missesAfterWarmUp = crypto.cacheMetrics.counter("credentials.cache.misses").getCount();

    Map<String, SecretValue> fields = benchmark.envelopeOpenWarmKey(crypto);
    benchmark.envelopeOpenWarmKey(crypto);

    assertThat(fields).containsOnlyKeys(SampleCredential.TOKEN_FIELD, "clientId");
    assertThat(fields.values()).allSatisfy(value -> assertThat(value.isWiped()).isTrue());
    assertThat(crypto.cacheMetrics.counter("credentials.cache.misses").getCount()).isEqualTo(missesAfterWarmUp);
    assertThat(crypto.cacheMetrics.counter("credentials.cache.hits").getCount()).isEqualTo(2);
  }

  @Test
  void vaultOpenRevealsTheTokenAuditsTheOpenAndHitsTheCache() {
    long missesAfterStore = vault.metrics.counter("credentials.cache.misses").getCount();

    int tokenLength = benchmark.vaultOpenWarmCache(vault);
    benchmark.vaultOpenWarmCache(vault);

    assertThat(tokenLength).isEqualTo(SampleCredential.TOKEN_BYTES);
    assertThat(vault.metrics.counter("credentials.cache.misses").getCount()).isEqualTo(missesAfterStore);
    assertThat(openedEvents()).isEqualTo(2);
  }

  @Test
  void thePartsOfAnOpenReadTheEnvelopeRowAndInsertAnAuditEvent() {
    Optional<StoredEnvelope> row = benchmark.envelopeRowRead(vault);

    assertThat(row).get().extracting(StoredEnvelope::id).isEqualTo(vault.ref.id());
    assertThat(benchmark.auditInsert(vault).action()).isEqualTo(AuditAction.CREDENTIAL_OPENED);
    assertThat(openedEvents()).isEqualTo(1);
  }

  @Test
  void clearingTheAuditTrailBetweenIterationsEmptiesIt() {
    benchmark.vaultOpenWarmCache(vault);

    vault.clearAuditTrail();

    assertThat(openedEvents()).isZero();
  }

  private int openedEvents() {
    return vault.jdbi.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM audit_events WHERE action = :action")
            .bind("action", AuditAction.CREDENTIAL_OPENED.wireName())
            .mapTo(Integer.class)
            .one());
  }
}
