package io.leadbridge.integrations;

import io.leadbridge.connector.api.CheckResult;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * Where an integration's check runs: the way its deliveries run — on its connector's bulkhead,
 * under the watchdog and the integration's rate limit — never on the request's thread, one check
 * per integration at a time. The delivery module implements it; thread-safe.
 */
public interface CheckRunner {

  /**
   * Runs {@code check} with the deadline it must keep and waits for it at most until then.
   *
   * @param connectorId the connector (or {@code webhook}) whose bulkhead runs it
   * @param check the check itself, given its deadline
   * @return what the check found
   * @throws IntegrationException.CheckInProgress if a check of the integration is still running
   * @throws IntegrationException.CheckTimedOut if the check did not finish by its deadline
   */
  CheckResult run(String connectorId, UUID tenantId, UUID integrationId, Function<Instant, CheckResult> check);
}
