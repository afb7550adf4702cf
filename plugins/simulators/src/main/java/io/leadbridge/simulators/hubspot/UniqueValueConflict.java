package io.leadbridge.simulators.hubspot;

/** Signals that a write would give a unique property a value another record already holds. Immutable. */
final class UniqueValueConflict extends Exception {
  private static final long serialVersionUID = 1L;

  private final String propertyName;
  private final String existingId;

  UniqueValueConflict(String propertyName, String existingId) {
    super("Value of " + propertyName + " already belongs to record " + existingId, null, false, false);
    this.propertyName = propertyName;
    this.existingId = existingId;
  }

  String propertyName() {
    return propertyName;
  }

  String existingId() {
    return existingId;
  }
}
