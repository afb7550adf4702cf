package io.leadbridge.leads;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Keyed digests of a shopper's contact and vehicle, so a lead from another provider can be
 * recognised without the hub keeping a second copy of personal data; implemented by the module
 * that holds the tenants' keys (credentials). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ShopperDigests {

  /**
   * The digests of {@code values}, in order; empty when the key service cannot be reached now (the
   * lead is then taken without looking for its duplicates: a duplicate mark is not worth a refused lead).
   */
  Optional<Digests> of(UUID tenantId, List<String> values);

  /** Digests and the version of the key they were made under (matches count only within one); immutable. */
  record Digests(int keyVersion, List<String> digests) {}
}
