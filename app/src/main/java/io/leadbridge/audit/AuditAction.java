package io.leadbridge.audit;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an audit event records; the wire names are part of the API. Immutable. */
public enum AuditAction {
  CREDENTIAL_STORED("credential.stored"),
  CREDENTIAL_REPLACED("credential.replaced"),
  CREDENTIAL_OPENED("credential.opened"),
  CREDENTIAL_OPEN_FAILED("credential.open_failed"),
  CREDENTIAL_DESTROYED("credential.destroyed"),
  DATA_KEY_CREATED("keys.data_key_created"),
  DATA_KEY_REWRAPPED("keys.data_key_rewrapped"),
  TENANT_KEY_ROTATED("keys.tenant_rotated"),
  TENANT_KEYS_SHREDDED("keys.tenant_shredded"),
  DELIVERY_REPLAYED("delivery.replayed"),
  DELIVERY_MOVED_TO_MANUAL_QUEUE("delivery.moved_to_manual_queue"),
  MANUAL_QUEUE_ACKNOWLEDGED("manual_queue.acknowledged"),
  PLUGIN_ADMITTED("plugin.admitted"),
  PLUGIN_REFUSED("plugin.refused"),
  PLUGINS_RELOADED("plugins.reloaded");

  private final String wireName;

  AuditAction(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** The action with this wire name. */
  public static AuditAction fromWireName(String wireName) {
    for (AuditAction action : values()) {
      if (action.wireName.equals(wireName)) {
        return action;
      }
    }
    throw new IllegalArgumentException("unknown audit action");
  }
}
