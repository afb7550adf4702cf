package io.leadbridge.simulators.hubspot;

/** HubSpot's rules for {@code idProperty}: it must name a property with unique values (§1.2). Stateless, so thread-safe. */
final class IdProperties {
  static final String OBJECT_ID = "hs_object_id";

  private IdProperties() {}

  /** Rejects a property that does not exist or is not unique, with the documented 400. */
  static void requireUnique(String idProperty, RecordStore store, long portalId) {
    if (store.schema().find(idProperty).isEmpty()) {
      throw HubSpotApiException.validation("Property \"" + idProperty + "\" does not exist");
    }
    if (!store.schema().isUnique(idProperty)) {
      throw HubSpotApiException.validation(
          "Unable to perform update/upsert by non-unique "
              + store.type().typeId()
              + " property "
              + idProperty
              + " in portal ID "
              + portalId);
    }
  }

  /** Upsert does not take hs_object_id as idProperty: the record id goes in {@code id} without one. */
  static void requireUpsertable(String idProperty, RecordStore store, long portalId) {
    if (OBJECT_ID.equals(idProperty)) {
      throw HubSpotApiException.validation(
          "hs_object_id cannot be used as idProperty; send the record ID as id without idProperty");
    }
    requireUnique(idProperty, store, portalId);
  }
}
