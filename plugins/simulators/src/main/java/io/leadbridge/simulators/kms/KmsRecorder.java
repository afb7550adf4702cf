package io.leadbridge.simulators.kms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Keeps every request the fake received, in arrival order, for test assertions. Thread-safe. */
final class KmsRecorder {
  private final List<RecordedKmsRequest> requests = new ArrayList<>();

  synchronized void record(RecordedKmsRequest request) {
    requests.add(request);
  }

  synchronized List<RecordedKmsRequest> snapshot() {
    return List.copyOf(requests);
  }

  synchronized long count(KmsOperation operation) {
    return requests.stream().filter(request -> request.operation().equals(operation.wireName())).count();
  }

  synchronized Map<String, Long> countsByOperation() {
    Map<String, Long> counts = new TreeMap<>();
    requests.forEach(request -> counts.merge(request.operation(), 1L, Long::sum));
    return counts;
  }

  synchronized void clear() {
    requests.clear();
  }
}
