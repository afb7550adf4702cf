package io.leadbridge.simulators.hubspot;

import io.leadbridge.simulators.http.SimRequest;

/** One authenticated request as endpoints see it: the request, its correlation id and the calling app. Immutable. */
record ApiCall(SimRequest request, String correlationId, String token, long appId) {}
