package io.leadbridge.simulators.hubspot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Holds one object type's records in id order with unique-property indexes, so upserts stay atomic and O(1) at 100k records; thread-safe (writes synchronized). */
final class RecordStore {
  private final HubSpotObjectType type;
  private final PropertySchema schema;
  private final long firstId;
  private final ConcurrentSkipListMap<Long, SimulatedRecord> byId = new ConcurrentSkipListMap<>();
  private final Map<String, Map<String, Long>> idByUniqueValue = new ConcurrentHashMap<>();
  private final Map<String, Integer> upsertWrites = new ConcurrentHashMap<>();
  private long nextId;

  RecordStore(HubSpotObjectType type, PropertySchema schema, long firstId) {
    this.type = type;
    this.schema = schema;
    this.firstId = firstId;
    this.nextId = firstId;
    schema.uniquePropertyNames().forEach(name -> idByUniqueValue.put(name, new ConcurrentHashMap<>()));
  }

  HubSpotObjectType type() {
    return type;
  }

  PropertySchema schema() {
    return schema;
  }

  synchronized SimulatedRecord create(
      Map<String, String> properties, List<SimulatedAssociation> associations, Instant now)
      throws UniqueValueConflict {
    checkUnique(properties, -1);
    long id = nextId++;
    Map<String, String> stored = new HashMap<>();
    stored.put("hs_object_id", String.valueOf(id));
    stored.put("createdate", HubSpotTime.format(now));
    stored.put(type.lastModifiedProperty(), HubSpotTime.format(now));
    applyChanges(stored, properties);
    SimulatedRecord record = new SimulatedRecord(String.valueOf(id), stored, now, now, associations);
    save(id, null, record);
    return record;
  }

  /** Applies changes to an existing record; empty strings clear a value, as in HubSpot. */
  synchronized Optional<SimulatedRecord> update(String id, Map<String, String> changes, Instant now)
      throws UniqueValueConflict {
    Optional<Long> key = parseId(id);
    SimulatedRecord existing = key.map(byId::get).orElse(null);
    if (existing == null) {
      return Optional.empty();
    }
    checkUnique(changes, key.get());
    Map<String, String> stored = new HashMap<>(existing.properties());
    applyChanges(stored, changes);
    stored.put(type.lastModifiedProperty(), HubSpotTime.format(now));
    SimulatedRecord updated =
        new SimulatedRecord(existing.id(), stored, existing.createdAt(), now, existing.associations());
    save(key.get(), existing, updated);
    return Optional.of(updated);
  }

  /** Creates or updates by a unique property in one atomic step, so concurrent upserts never duplicate. */
  synchronized UpsertResult upsert(
      String idProperty, String idValue, Map<String, String> properties, Instant now)
      throws UniqueValueConflict {
    Map<String, String> withId = new HashMap<>(properties);
    withId.put(idProperty, idValue);
    Optional<SimulatedRecord> existing = findByUnique(idProperty, idValue);
    UpsertResult result = existing.isPresent()
        ? new UpsertResult(update(existing.get().id(), withId, now).orElseThrow(), false)
        : new UpsertResult(create(withId, List.of(), now), true);
    // Counted only once written: tests measure double deliveries, which an idempotent upsert hides.
    upsertWrites.merge(idValue, 1, Integer::sum);
    return result;
  }

  /** How many upserts wrote a record by this id value (any id property), since the last clear. */
  int upsertWrites(String idValue) {
    return upsertWrites.getOrDefault(idValue, 0);
  }

  /** Every id value upserts wrote, with how many times each was written. */
  Map<String, Integer> upsertWriteCounts() {
    return Map.copyOf(upsertWrites);
  }

  Optional<SimulatedRecord> get(String id) {
    return parseId(id).map(byId::get);
  }

  Optional<SimulatedRecord> findByUnique(String propertyName, String value) {
    Map<String, Long> index = idByUniqueValue.get(propertyName);
    if (index == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(index.get(normalise(propertyName, value))).map(byId::get);
  }

  /** Up to {@code count} records whose id is at least {@code fromId}, in id order. */
  List<SimulatedRecord> page(long fromId, int count) {
    List<SimulatedRecord> page = new ArrayList<>(count);
    for (SimulatedRecord record : byId.tailMap(fromId, true).values()) {
      if (page.size() == count) {
        break;
      }
      page.add(record);
    }
    return page;
  }

  int size() {
    return byId.size();
  }

  List<SimulatedRecord> all() {
    return List.copyOf(byId.values());
  }

  synchronized void clear() {
    byId.clear();
    idByUniqueValue.values().forEach(Map::clear);
    upsertWrites.clear();
    nextId = firstId;
  }

  static Optional<Long> parseId(String id) {
    try {
      return Optional.of(Long.parseLong(id));
    } catch (NumberFormatException notAnId) {
      return Optional.empty();
    }
  }

  private void checkUnique(Map<String, String> changes, long ownId) throws UniqueValueConflict {
    for (Map.Entry<String, String> change : changes.entrySet()) {
      Map<String, Long> index = idByUniqueValue.get(change.getKey());
      if (index == null || change.getValue().isEmpty()) {
        continue;
      }
      Long holder = index.get(normalise(change.getKey(), change.getValue()));
      if (holder != null && holder != ownId) {
        throw new UniqueValueConflict(change.getKey(), String.valueOf(holder));
      }
    }
  }

  private static void applyChanges(Map<String, String> stored, Map<String, String> changes) {
    changes.forEach(
        (name, value) -> {
          if (value.isEmpty()) {
            stored.remove(name);
          } else {
            stored.put(name, value);
          }
        });
  }

  private void save(long id, SimulatedRecord previous, SimulatedRecord current) {
    idByUniqueValue.forEach(
        (name, index) -> {
          String before = previous == null ? null : previous.properties().get(name);
          String after = current.properties().get(name);
          if (before != null) {
            index.remove(normalise(name, before));
          }
          if (after != null) {
            index.put(normalise(name, after), id);
          }
        });
    byId.put(id, current);
  }

  /** E-mail addresses match case-insensitively, as HubSpot dedupes them. */
  private String normalise(String propertyName, String value) {
    boolean email = schema.find(propertyName).map(d -> d.type() == PropertyType.EMAIL).orElse(false);
    return email ? value.toLowerCase(Locale.ROOT) : value;
  }
}
