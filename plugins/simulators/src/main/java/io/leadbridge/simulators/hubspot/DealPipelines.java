package io.leadbridge.simulators.hubspot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Holds the portal's deal pipelines and HubSpot's rules for dealname, dealstage and pipeline; immutable. */
final class DealPipelines {
  static final String DEFAULT_PIPELINE = "default";
  static final List<String> DEFAULT_STAGES =
      List.of(
          "appointmentscheduled", "qualifiedtobuy", "presentationscheduled", "decisionmakerboughtin",
          "contractsent", "closedwon", "closedlost");

  private final Map<String, List<String>> stagesByPipeline;

  DealPipelines(Map<String, List<String>> stagesByPipeline) {
    this.stagesByPipeline =
        stagesByPipeline.isEmpty()
            ? Map.of(DEFAULT_PIPELINE, DEFAULT_STAGES)
            : Collections.unmodifiableMap(new LinkedHashMap<>(stagesByPipeline));
  }

  /** Fills in the only pipeline when a new deal leaves it out, as HubSpot does. */
  Map<String, String> withDefaults(Map<String, String> properties) {
    if (properties.containsKey("pipeline") || stagesByPipeline.size() != 1) {
      return properties;
    }
    Map<String, String> filled = new HashMap<>(properties);
    filled.put("pipeline", stagesByPipeline.keySet().iterator().next());
    return filled;
  }

  List<PropertyProblem> checkNewDeal(Map<String, String> properties) {
    List<PropertyProblem> problems = new ArrayList<>();
    for (String required : List.of("dealname", "dealstage")) {
      if (properties.getOrDefault(required, "").isEmpty()) {
        problems.add(PropertyProblem.required(required));
      }
    }
    if (!properties.containsKey("pipeline")) {
      problems.add(PropertyProblem.required("pipeline"));
    }
    problems.addAll(checkStage(properties, Optional.empty()));
    return problems;
  }

  /** Checks a stage or pipeline change against the pipeline the deal will be in. */
  List<PropertyProblem> checkStage(Map<String, String> changes, Optional<SimulatedRecord> existing) {
    if (!changes.containsKey("pipeline") && !changes.containsKey("dealstage")) {
      return List.of();
    }
    String pipeline =
        changes.getOrDefault("pipeline", existing.flatMap(deal -> deal.property("pipeline")).orElse(""));
    List<String> stages = stagesByPipeline.get(pipeline);
    if (stages == null) {
      return pipeline.isEmpty()
          ? List.of()
          : List.of(PropertyProblem.invalidOption("pipeline", pipeline, stagesByPipeline.keySet()));
    }
    String stage =
        changes.getOrDefault("dealstage", existing.flatMap(deal -> deal.property("dealstage")).orElse(""));
    if (!stage.isEmpty() && !stages.contains(stage)) {
      return List.of(PropertyProblem.invalidOption("dealstage", stage, stages));
    }
    return List.of();
  }
}
