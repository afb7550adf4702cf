package io.leadbridge.tenants.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;

/**
 * The non-personal tenant attributes rollouts may target; immutable.
 *
 * @param tier e.g. {@code standard}, {@code enterprise}
 * @param region e.g. {@code us-east}
 */
public record TenantAttributesJson(
    @Schema(nullable = true) @Pattern(regexp = ATTRIBUTE, message = ATTRIBUTE_MESSAGE) String tier,
    @Schema(nullable = true) @Pattern(regexp = ATTRIBUTE, message = ATTRIBUTE_MESSAGE) String region) {

  static final String ATTRIBUTE = "[a-z0-9][a-z0-9-]{0,31}";
  static final String ATTRIBUTE_MESSAGE =
      "must be 1-32 lowercase letters, digits or hyphens, starting with a letter or digit";

  static final TenantAttributesJson NONE = new TenantAttributesJson(null, null);
}
