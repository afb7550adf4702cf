package io.leadbridge.connectors;

import io.leadbridge.connector.api.CheckResult;
import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.lead.LeadRecord;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A built-in connector for tests: its checks pass, and each batch gets what {@code answer} gives
 * for it. Thread-safe when the answer is.
 */
public final class FakeBuiltInConnector implements BuiltInConnector {

  private final ConnectorDescriptor descriptor;
  private final BiFunction<CallTarget, List<LeadRecord>, List<DeliveryOutcome>> answer;

  public FakeBuiltInConnector(ConnectorDescriptor descriptor,
      BiFunction<CallTarget, List<LeadRecord>, List<DeliveryOutcome>> answer) {
    this.descriptor = descriptor;
    this.answer = answer;
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public CheckResult check(CallTarget target, Instant deadline) {
    return CheckResult.success("reachable");
  }

  @Override
  public List<DeliveryOutcome> deliver(CallTarget target, List<LeadRecord> batch, Instant deadline) {
    return answer.apply(target, batch);
  }
}
