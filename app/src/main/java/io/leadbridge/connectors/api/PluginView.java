package io.leadbridge.connectors.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.leadbridge.connectors.PluginStatus;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One plugin jar as {@code GET /v1/plugins} shows it; immutable. {@code id} and {@code version}
 * are null when the jar's manifest does not name them; {@code cause} is present only for FAILED
 * plugins, {@code descriptor} only for STARTED ones. {@code sha256} is the jar's content hash,
 * {@code signer} the subject of its signing certificate (null when unsigned), {@code trusted}
 * whether admission let it load and {@code trust} how ({@code allowlisted}, {@code signed}, or null).
 */
public record PluginView(
    @Schema(nullable = true) String id,
    @Schema(nullable = true) String version,
    @Schema(nullable = true) String file,
    @Schema(allowableValues = {"STARTED", "STOPPED", "FAILED"}) String state,
    @JsonInclude(JsonInclude.Include.NON_NULL) String cause,
    @JsonInclude(JsonInclude.Include.NON_NULL) DescriptorView descriptor,
    @Schema(nullable = true) String sha256,
    @Schema(nullable = true) String signer,
    boolean trusted,
    @Schema(nullable = true) String trust) {

  public static PluginView of(PluginStatus status) {
    return new PluginView(
        status.id().orElse(null),
        status.version().orElse(null),
        status.file(),
        status.state().name(),
        status.cause().orElse(null),
        status.descriptor().map(DescriptorView::of).orElse(null),
        status.admission().sha256().orElse(null),
        status.admission().signer().orElse(null),
        status.admission().trusted(),
        status.admission().trust().orElse(null));
  }
}
