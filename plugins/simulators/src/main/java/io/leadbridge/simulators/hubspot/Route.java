package io.leadbridge.simulators.hubspot;

import io.leadbridge.simulators.http.SimResponse;
import java.util.function.Function;

/** A matched endpoint and whether it is a search (search has its own limit and no rate-limit headers). Immutable. */
record Route(boolean search, Function<ApiCall, SimResponse> endpoint) {}
