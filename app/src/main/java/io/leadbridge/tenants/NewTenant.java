package io.leadbridge.tenants;

import java.util.Optional;

/** What is needed to create a tenant, already validated by the API layer; immutable. */
public record NewTenant(String name, String slug, Optional<String> tier, Optional<String> region) {}
