package io.leadbridge.connectors.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.leadbridge.connector.api.RateLimitProfile;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A connector's default rate-limit profile as the API shows it; immutable.
 *
 * @param permits calls per window
 * @param window the window, ISO-8601 ({@code PT10S})
 * @param dailyCap calls per day, when the vendor caps them
 * @param dailyResetZone the zone whose midnight resets the daily cap
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RateLimitView(int permits, String window, @Schema(nullable = true) Long dailyCap, @Schema(nullable = true) String dailyResetZone) {

  public static RateLimitView of(RateLimitProfile profile) {
    return new RateLimitView(
        profile.permits(),
        profile.window().toString(),
        profile.dailyCap().isPresent() ? profile.dailyCap().getAsLong() : null,
        profile.dailyResetZone().map(Object::toString).orElse(null));
  }
}
