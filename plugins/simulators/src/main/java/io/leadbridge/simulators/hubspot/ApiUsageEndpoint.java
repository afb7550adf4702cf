package io.leadbridge.simulators.hubspot;

import io.leadbridge.simulators.http.SimResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /account-info/v3/api-usage/daily/private-apps}: the calling app's daily usage (§1.6). Stateless, so thread-safe. */
final class ApiUsageEndpoint {
  private final Portal portal;

  ApiUsageEndpoint(Portal portal) {
    this.portal = portal;
  }

  SimResponse usage(ApiCall call) {
    RateLimiter limiter = portal.rateLimiter();
    Instant now = portal.now();
    Map<String, Object> usage = new LinkedHashMap<>();
    usage.put("name", "private-apps-api-calls-daily");
    usage.put("usageLimit", limiter.settings().dailyLimit());
    usage.put("currentUsage", limiter.dailyUsed(call.token()));
    usage.put("collectedAt", HubSpotTime.format(now));
    usage.put("fetchStatus", "SUCCESS");
    usage.put("resetsAt", HubSpotTime.format(DailyReset.nextReset(now, limiter.settings().portalZone())));
    return JsonResponses.json(200, Map.of("results", List.of(usage)));
  }
}
