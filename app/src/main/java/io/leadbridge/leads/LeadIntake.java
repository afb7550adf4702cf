package io.leadbridge.leads;

import io.leadbridge.errors.FieldError;
import io.leadbridge.leads.LeadException.InvalidIdempotencyKey;
import io.leadbridge.leads.LeadException.InvalidLead;
import io.leadbridge.leads.api.AcceptedDeliveryView;
import io.leadbridge.leads.api.LeadAcceptedView;
import io.leadbridge.leads.api.LeadBody;
import io.leadbridge.leads.internal.AdfLeads;
import io.leadbridge.leads.internal.CanonicalJson;
import io.leadbridge.leads.internal.FingerprintDao;
import io.leadbridge.leads.internal.IdempotencyClaims;
import io.leadbridge.leads.internal.IdempotencyClaims.Outcome;
import io.leadbridge.leads.internal.IdempotencyClaims.Replay;
import io.leadbridge.leads.internal.IdempotencyClaims.Won;
import io.leadbridge.leads.internal.LeadDao;
import io.leadbridge.leads.internal.LeadValidation;
import io.leadbridge.leads.internal.ShopperKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Accepts leads: validates them, and claims the tenant's idempotency key and stores the lead with
 * one pending delivery per enabled integration in one transaction (the outbox the delivery engine
 * works off). Thread-safe.
 */
public final class LeadIntake {

  /** The status of an accepted lead: stored, not delivered yet. */
  public static final int ACCEPTED = 202;
  static final int MAX_KEY_LENGTH = 255;
  /** What an idempotency key may hold; the same pattern is published for the header. */
  public static final String KEY_PATTERN = "[\\x20-\\x7E]*";
  private static final Pattern PRINTABLE_ASCII = Pattern.compile(KEY_PATTERN);

  private final Jdbi jdbi;
  private final IdempotencyClaims claims;
  private final Clock clock;
  private final DeliveryOutbox outbox;
  private final ShopperDigests digests;
  private final Duration duplicateWindow;

  /**
   * @param digests how a shopper is recognised again without keeping a copy of the data
   * @param duplicateWindow how far apart in {@code receivedAt} two leads of one shopper count as duplicates
   */
  public LeadIntake(Jdbi jdbi, Clock clock, DeliveryOutbox outbox, ShopperDigests digests, Duration duplicateWindow) {
    this.jdbi = jdbi;
    this.claims = new IdempotencyClaims(jdbi, clock);
    this.clock = clock;
    this.outbox = outbox;
    this.digests = digests;
    this.duplicateWindow = duplicateWindow;
  }

  /**
   * The answer to a lead, first time or replayed; immutable.
   *
   * @param body the response body as JSON text, byte for byte what the first request got
   */
  public record Answer(int status, String body, UUID leadId) {}

  /**
   * Accepts a lead under the tenant's idempotency key.
   *
   * @throws InvalidIdempotencyKey if the key is missing, blank, too long or not printable ASCII
   * @throws InvalidLead if the lead breaks the intake rules (nothing is stored, the key stays free)
   * @throws LeadException.IdempotencyKeyReused if the key came with another lead before
   * @throws LeadException.IdempotencyKeyInFlight if a request with the key is still running
   */
  public Answer submit(UUID tenantId, String idempotencyKey, LeadBody lead) {
    checkKey(idempotencyKey);
    List<FieldError> errors = LeadValidation.check(lead, clock.instant());
    if (!errors.isEmpty()) {
      throw new InvalidLead(errors);
    }
    return accept(tenantId, idempotencyKey, lead);
  }

  /** Stores a lead the intake rules passed, or answers its key's earlier request again. */
  private Answer accept(UUID tenantId, String idempotencyKey, LeadBody lead) {
    String canonical = CanonicalJson.write(lead);
    String hash = CanonicalJson.sha256(canonical);
    List<String> keys = ShopperKeys.of(lead);
    Optional<ShopperDigests.Digests> shopper = keys.isEmpty() ? Optional.empty() : digests.of(tenantId, keys);
    Outcome outcome;
    try {
      // The claim, the lead and its deliveries commit together: one commit per lead, and a request
      // that dies leaves no claim behind.
      return jdbi.inTransaction(
          tx -> store(tx, tenantId, idempotencyKey, claims.claim(tx, tenantId, idempotencyKey, hash), lead, canonical,
              shopper));
    } catch (RuntimeException failure) {
      outcome = claims.afterFailure(tenantId, idempotencyKey, hash, failure);
    }
    if (outcome instanceof Replay replay) {
      return new Answer(replay.status(), replay.body(), replay.leadId());
    }
    // A claim an earlier version's node committed on its own and abandoned, now this request's.
    Won takenOver = (Won) outcome;
    try {
      return jdbi.inTransaction(tx -> store(tx, tenantId, idempotencyKey, takenOver, lead, canonical, shopper));
    } catch (RuntimeException failure) {
      // Guarded by the claim token: a claim another request took over stays with it.
      claims.release(tenantId, idempotencyKey, takenOver);
      throw failure;
    }
  }

  /**
   * Accepts each prospect of an ADF document as a lead under {@code <key>#<n>} (n from 1), once
   * every prospect has been read and checked: a document with one bad prospect stores none.
   *
   * @return the answer: 202 with the first prospect's lead and, under {@code prospects}, every one
   * @throws LeadException.UnreadableAdf if the body is not a readable ADF document
   * @throws InvalidLead if a prospect cannot become a lead, by {@code prospect[n].} paths
   */
  public AdfAnswer submitAdf(UUID tenantId, String idempotencyKey, byte[] document) {
    checkKey(idempotencyKey);
    AdfLeads.Reading reading;
    try {
      reading = AdfLeads.read(document, clock.instant());
    } catch (AdfLeads.UnreadableAdf e) {
      throw new LeadException.UnreadableAdf(e.getMessage());
    }
    if (!reading.errors().isEmpty()) {
      throw new InvalidLead(reading.errors());
    }
    String longestSuffix = "#" + reading.leads().size();
    if (idempotencyKey.length() + longestSuffix.length() > MAX_KEY_LENGTH) {
      throw new InvalidIdempotencyKey("must leave room for " + longestSuffix + " (one per prospect): at most "
          + (MAX_KEY_LENGTH - longestSuffix.length()) + " characters for this document");
    }
    List<LeadAcceptedView> accepted = new ArrayList<>();
    for (int i = 0; i < reading.leads().size(); i++) {
      // Reading checked every prospect against the intake rules already.
      Answer answer = accept(tenantId, idempotencyKey + "#" + (i + 1), reading.leads().get(i));
      accepted.add(CanonicalJson.accepted(answer.body()));
    }
    return new AdfAnswer(ACCEPTED, CanonicalJson.write(LeadAcceptedView.ofProspects(accepted)), accepted.get(0).id());
  }

  /**
   * The answer to an ADF document; immutable.
   *
   * @param body the response body as JSON text
   * @param firstLeadId the lead of the document's first prospect
   */
  public record AdfAnswer(int status, String body, UUID firstLeadId) {}

  private Answer store(Handle tx, UUID tenantId, String key, Won claim, LeadBody lead, String canonical,
      Optional<ShopperDigests.Digests> shopper) {
    Instant now = clock.instant();
    UUID leadId = UUID.randomUUID();
    Instant receivedAt = lead.receivedAt() == null ? now : lead.receivedAt();
    FingerprintDao fingerprints = tx.attach(FingerprintDao.class);
    UUID duplicateOf = shopper.flatMap(s -> fingerprints.original(tenantId, s.keyVersion(), s.digests(),
        receivedAt.minus(duplicateWindow), receivedAt.plus(duplicateWindow))).orElse(null);
    tx.attach(LeadDao.class).insert(leadId, tenantId, lead.externalId(), canonical, receivedAt, now, duplicateOf);
    shopper.ifPresent(s -> s.digests().stream().distinct()
        .forEach(digest -> fingerprints.insert(tenantId, digest, s.keyVersion(), leadId, receivedAt)));
    List<AcceptedDeliveryView> queued = outbox.enqueue(tx, tenantId, leadId, Optional.ofNullable(duplicateOf), now).stream()
        .map(d -> new AcceptedDeliveryView(d.id(), d.integrationId(), d.status())).toList();
    String body = CanonicalJson.write(LeadAcceptedView.of(leadId, queued));
    claims.complete(tx, tenantId, key, claim, leadId, ACCEPTED, body);
    return new Answer(ACCEPTED, body, leadId);
  }

  private static void checkKey(String key) {
    if (key == null || key.isBlank()) {
      throw new InvalidIdempotencyKey("is required (1-255 characters)");
    }
    if (key.length() > MAX_KEY_LENGTH) {
      throw new InvalidIdempotencyKey("must be at most " + MAX_KEY_LENGTH + " characters");
    }
    if (!PRINTABLE_ASCII.matcher(key).matches()) {
      throw new InvalidIdempotencyKey("must be printable ASCII (letters, digits, punctuation and spaces)");
    }
  }
}
