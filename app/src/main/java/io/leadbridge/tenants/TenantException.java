package io.leadbridge.tenants;

import io.leadbridge.errors.ErrorKind;
import io.leadbridge.errors.LeadbridgeException;

/** Root of the tenants module's failures; each subclass is one API error code. */
public abstract class TenantException extends LeadbridgeException {

  private static final long serialVersionUID = 1L;

  TenantException(ErrorKind kind, String code, String message) {
    super(kind, code, message);
  }

  /** The tenant does not exist (or the caller may not know that it does). */
  public static final class TenantNotFound extends TenantException {
    private static final long serialVersionUID = 1L;

    public TenantNotFound() {
      super(ErrorKind.NOT_FOUND, "tenant_not_found", "no such tenant");
    }
  }

  /** Another tenant already has the slug. */
  public static final class SlugTaken extends TenantException {
    private static final long serialVersionUID = 1L;

    public SlugTaken() {
      super(ErrorKind.CONFLICT, "slug_taken", "a tenant with this slug already exists");
    }
  }

  /** The tenant was offboarded; nothing can be added to it. */
  public static final class TenantOffboarded extends TenantException {
    private static final long serialVersionUID = 1L;

    public TenantOffboarded() {
      super(ErrorKind.CONFLICT, "tenant_offboarded", "the tenant has been offboarded");
    }
  }

  /** Revoking this operator key would leave the hub with none that works. */
  public static final class LastOperatorKey extends TenantException {
    private static final long serialVersionUID = 1L;

    public LastOperatorKey() {
      super(ErrorKind.CONFLICT, "last_operator_key", "this is the last operator key that works; create another"
          + " (operator-key create) before revoking it");
    }
  }

  /** The key does not exist under this tenant. */
  public static final class ApiKeyNotFound extends TenantException {
    private static final long serialVersionUID = 1L;

    public ApiKeyNotFound() {
      super(ErrorKind.NOT_FOUND, "api_key_not_found", "no such API key");
    }
  }
}
