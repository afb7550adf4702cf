package io.leadbridge.simulators.hubspot;

import io.leadbridge.simulators.http.LoopbackHttpServer;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Runs a HubSpot CRM v3 portal on a loopback port, faithful to VENDOR-API-FACTS §1/§7.1, so connectors are tested without HubSpot; thread-safe. */
public final class HubSpotSimulator implements AutoCloseable {
  private final Portal portal;
  private final PrivateApps apps;
  private final HubSpotChaos chaos;
  private final HubSpotHandler handler;
  private final LoopbackHttpServer server;
  private final String defaultToken;

  private HubSpotSimulator(Builder builder) {
    PropertySchema contactSchema = DefaultSchemas.contacts(builder.customContactProperties.values());
    PropertySchema dealSchema = DefaultSchemas.deals(builder.customDealProperties.values());
    RateLimitSettings settings =
        new RateLimitSettings(
            builder.tenSecondLimit.orElse(builder.tier.tenSecondLimit()),
            builder.dailyLimit.orElse(builder.tier.dailyLimit()),
            builder.searchRequestsPerSecond,
            builder.timeZone);
    this.portal =
        new Portal(
            builder.portalId,
            new RecordStore(HubSpotObjectType.CONTACTS, contactSchema, 1001),
            new RecordStore(HubSpotObjectType.DEALS, dealSchema, 9_000_000_001L),
            new DealPipelines(builder.pipelines),
            new RateLimiter(settings, builder.clock),
            builder.batchValidation,
            builder.searchPageMax);
    this.apps = new PrivateApps(builder.firstAppId);
    List<String> tokens = builder.tokens.isEmpty() ? List.of(PrivateApps.randomToken()) : builder.tokens;
    tokens.forEach(apps::add);
    this.defaultToken = tokens.get(0);
    this.chaos = new HubSpotChaos();
    this.handler = new HubSpotHandler(portal, apps, chaos, builder.retryAfter, builder.secondlyHeaders);
    this.server = LoopbackHttpServer.start("hubspot-sim", builder.port, handler);
    portal.baseUri(server.baseUri());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code http://127.0.0.1:<port>}; use it where a client would use {@code https://api.hubapi.com}. */
  public URI baseUri() {
    return server.baseUri();
  }

  public int port() {
    return server.port();
  }

  public long portalId() {
    return portal.portalId();
  }

  /** The first token given to the builder, or the one generated when none was given. */
  public String defaultToken() {
    return defaultToken;
  }

  /** Accepts one more private-app token (each token is its own app with its own limits); returns it. */
  public String addToken(String token) {
    return apps.add(token);
  }

  /** Creates and accepts a fresh {@code pat-sim-...} token. */
  public String newToken() {
    return apps.add(PrivateApps.randomToken());
  }

  /** From now on the token gets 401, as a deleted private app's would. */
  public void revokeToken(String token) {
    apps.revoke(token);
  }

  public List<SimulatedRecord> contacts() {
    return portal.store(HubSpotObjectType.CONTACTS).all();
  }

  public List<SimulatedRecord> deals() {
    return portal.store(HubSpotObjectType.DEALS).all();
  }

  /** How many contacts the portal holds, without copying them. */
  public int contactCount() {
    return portal.store(HubSpotObjectType.CONTACTS).size();
  }

  /** Finds a contact by any property (through the unique index when the property is unique). */
  public Optional<SimulatedRecord> contactByProperty(String name, String value) {
    RecordStore contacts = portal.store(HubSpotObjectType.CONTACTS);
    if (contacts.schema().isUnique(name)) {
      return contacts.findByUnique(name, value);
    }
    return contacts.all().stream().filter(c -> value.equals(c.properties().get(name))).findFirst();
  }

  /**
   * How many times batch upserts wrote a contact keyed by this id value (e.g. a Leadbridge lead id):
   * 1 for a lead sent once; more when it was sent again, which the idempotent upsert would hide.
   */
  public int contactUpsertWrites(String idValue) {
    return portal.store(HubSpotObjectType.CONTACTS).upsertWrites(idValue);
  }

  /** A snapshot of {@link #contactUpsertWrites} for every id value written so far. */
  public Map<String, Integer> contactUpsertWriteCounts() {
    return portal.store(HubSpotObjectType.CONTACTS).upsertWriteCounts();
  }

  /** Seeds a contact without HTTP or rate limits (bulk fixtures, benchmarks); unique values must be free. */
  public SimulatedRecord createContact(Map<String, String> properties) {
    try {
      return portal.store(HubSpotObjectType.CONTACTS).create(properties, List.of(), portal.now());
    } catch (UniqueValueConflict conflict) {
      throw new IllegalArgumentException(
          conflict.propertyName() + " value already used by contact " + conflict.existingId(), conflict);
    }
  }

  /** Every request received, including 401s, 429s, injected failures and hung ones. */
  public long requestCount() {
    return handler.requestCount();
  }

  /** Every 429 answered: ten-second, secondly and daily limits alike. */
  public long rateLimitedCount() {
    return handler.rateLimitedCount();
  }

  /** The most requests any one token sent within any 10-second window (429s included, 401s not). */
  public int maxRequestsInAnyWindow() {
    return portal.rateLimiter().maxAttemptsInAnyWindow();
  }

  public int maxRequestsInAnyWindow(String token) {
    return portal.rateLimiter().maxAttemptsInAnyWindow(token);
  }

  /** The 429s the token was answered (ten-second, daily and search limits). */
  public long rateLimitedCount(String token) {
    return portal.rateLimiter().refusals(token);
  }

  /**
   * Requests the token sent before a {@code Retry-After} it had been given was over: a client that
   * waits as told has none. (A request sent before the 429 reached the client counts too.)
   */
  public int requestsBeforeRetryAfter(String token) {
    return portal.rateLimiter().attemptsBeforeRetryAfter(token);
  }

  /** Requests counted against the token's daily limit today (portal time zone). */
  public long dailyUsage(String token) {
    return portal.rateLimiter().dailyUsed(token);
  }

  public HubSpotChaos chaos() {
    return chaos;
  }

  public int hungRequestCount() {
    return server.hungRequestCount();
  }

  /** Lets every hung request proceed to a normal answer; returns how many there were. */
  public int releaseHungRequests() {
    return server.releaseHungRequests();
  }

  /** Forgets records, counters and chaos settings; tokens stay valid. */
  public void reset() {
    portal.clear();
    chaos.reset();
    handler.resetRequestCount();
  }

  /** Stops serving; hung requests lose their connection unanswered. */
  @Override
  public void close() {
    server.close();
  }

  /** Configures a simulated portal; not thread-safe (use from one thread, then {@link #start()}). */
  public static final class Builder {
    private long portalId = 1_234_567;
    private long firstAppId = 4_000_001;
    private int port;
    private RateLimitTier tier = RateLimitTier.FREE_STARTER;
    private Optional<Integer> tenSecondLimit = Optional.empty();
    private Optional<Long> dailyLimit = Optional.empty();
    private int searchRequestsPerSecond = 4;
    private int searchPageMax = 200;
    private ZoneId timeZone = ZoneOffset.UTC;
    private Clock clock = Clock.systemUTC();
    private RetryAfterPolicy retryAfter = RetryAfterPolicy.TEN_SECONDLY_ONLY;
    private BatchValidationMode batchValidation = BatchValidationMode.PARTIAL;
    private boolean secondlyHeaders;
    private final List<String> tokens = new ArrayList<>();
    private final Map<String, PropertyDefinition> customContactProperties = new LinkedHashMap<>();
    private final Map<String, PropertyDefinition> customDealProperties = new LinkedHashMap<>();
    private final Map<String, List<String>> pipelines = new LinkedHashMap<>();

    private Builder() {
      customContactProperty(DefaultSchemas.LEAD_ID_PROPERTY, true);
      customDealProperty(DefaultSchemas.LEAD_ID_PROPERTY, true);
    }

    public Builder portalId(long id) {
      this.portalId = id;
      return this;
    }

    /** The app id of the first token; later tokens count up from it (it appears in 429 groupName). */
    public Builder firstAppId(long id) {
      this.firstAppId = id;
      return this;
    }

    /** 0 (the default) picks a free ephemeral port. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder tier(RateLimitTier tier) {
      this.tier = Objects.requireNonNull(tier);
      return this;
    }

    /** Overrides the tier's requests per rolling 10 seconds. */
    public Builder tenSecondLimit(int limit) {
      this.tenSecondLimit = Optional.of(limit);
      return this;
    }

    /** Overrides the tier's requests per portal day. */
    public Builder dailyLimit(long limit) {
      this.dailyLimit = Optional.of(limit);
      return this;
    }

    public Builder searchRequestsPerSecond(int limit) {
      this.searchRequestsPerSecond = limit;
      return this;
    }

    /** Largest search page; HubSpot's is 100 or 200 (unverified). */
    public Builder searchPageMax(int max) {
      this.searchPageMax = max;
      return this;
    }

    /** The portal's time zone: the daily limit resets at its midnight. */
    public Builder timeZone(ZoneId zone) {
      this.timeZone = Objects.requireNonNull(zone);
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public Builder retryAfter(RetryAfterPolicy policy) {
      this.retryAfter = Objects.requireNonNull(policy);
      return this;
    }

    public Builder batchValidation(BatchValidationMode mode) {
      this.batchValidation = Objects.requireNonNull(mode);
      return this;
    }

    /** Also send the deprecated X-HubSpot-RateLimit-Secondly(-Remaining) headers. */
    public Builder secondlyHeaders(boolean send) {
      this.secondlyHeaders = send;
      return this;
    }

    /** Accepts this bearer token; without any, one {@code pat-sim-...} token is generated. */
    public Builder token(String token) {
      this.tokens.add(Objects.requireNonNull(token));
      return this;
    }

    /** Adds a custom text contact property; {@code unique} makes it usable as idProperty. */
    public Builder customContactProperty(String name, boolean unique) {
      customContactProperties.put(
          name, unique ? PropertyDefinition.uniqueText(name) : PropertyDefinition.text(name));
      return this;
    }

    public Builder customDealProperty(String name, boolean unique) {
      customDealProperties.put(name, unique ? PropertyDefinition.uniqueText(name) : PropertyDefinition.text(name));
      return this;
    }

    /** Defines a deal pipeline by internal ids; without any, HubSpot's "default" sales pipeline exists. */
    public Builder dealPipeline(String pipelineId, List<String> stageIds) {
      pipelines.put(pipelineId, List.copyOf(stageIds));
      return this;
    }

    public HubSpotSimulator start() {
      return new HubSpotSimulator(this);
    }
  }
}
