package io.leadbridge.simulators.hubspot;

import io.leadbridge.simulators.http.SimResponse;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /account-info/v3/details}: the portal the calling token belongs to (its id, time zone
 * and settings), the way HubSpot's account information API answers it. Stateless, so thread-safe.
 */
final class AccountDetailsEndpoint {
  private final Portal portal;

  AccountDetailsEndpoint(Portal portal) {
    this.portal = portal;
  }

  SimResponse details(ApiCall call) {
    ZoneId zone = portal.rateLimiter().settings().portalZone();
    int offsetMillis = ZonedDateTime.ofInstant(portal.now(), zone).getOffset().getTotalSeconds() * 1000;
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("portalId", portal.portalId());
    details.put("accountType", "STANDARD");
    details.put("timeZone", zone.getId());
    details.put("companyCurrency", "USD");
    details.put("additionalCurrencies", List.of());
    details.put("utcOffset", ZonedDateTime.ofInstant(portal.now(), zone).getOffset().getId().replace("Z", "+00:00"));
    details.put("utcOffsetMilliseconds", offsetMillis);
    details.put("uiDomain", "app.hubspot.com");
    details.put("dataHostingLocation", "na1");
    return JsonResponses.json(200, details);
  }
}
