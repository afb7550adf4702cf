package io.leadbridge.simulators.hubspot;

import java.net.URI;
import java.time.Instant;

/** The simulated HubSpot account: its records, pipelines, limits and behaviour knobs, shared by all endpoints. Thread-safe. */
final class Portal {
  private final long portalId;
  private final RecordStore contacts;
  private final RecordStore deals;
  private final DealPipelines pipelines;
  private final RateLimiter rateLimiter;
  private final BatchValidationMode batchValidation;
  private final int searchPageMax;
  private volatile URI baseUri = URI.create("http://127.0.0.1");

  Portal(
      long portalId,
      RecordStore contacts,
      RecordStore deals,
      DealPipelines pipelines,
      RateLimiter rateLimiter,
      BatchValidationMode batchValidation,
      int searchPageMax) {
    this.portalId = portalId;
    this.contacts = contacts;
    this.deals = deals;
    this.pipelines = pipelines;
    this.rateLimiter = rateLimiter;
    this.batchValidation = batchValidation;
    this.searchPageMax = searchPageMax;
  }

  long portalId() {
    return portalId;
  }

  RecordStore store(HubSpotObjectType type) {
    return type == HubSpotObjectType.CONTACTS ? contacts : deals;
  }

  DealPipelines pipelines() {
    return pipelines;
  }

  RateLimiter rateLimiter() {
    return rateLimiter;
  }

  BatchValidationMode batchValidation() {
    return batchValidation;
  }

  int searchPageMax() {
    return searchPageMax;
  }

  Instant now() {
    return rateLimiter.clock().instant();
  }

  URI baseUri() {
    return baseUri;
  }

  /** Set once the server knows its port, so paging links point back at the simulator. */
  void baseUri(URI uri) {
    this.baseUri = uri;
  }

  void clear() {
    contacts.clear();
    deals.clear();
    rateLimiter.reset();
  }
}
