package io.leadbridge.integrations.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.leadbridge.integrations.FieldMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@link FieldMapping#PATH} into the lead's JSON ({@code customer.phones[0].number}),
 * exists so a mapping's source is parsed once and read without surprises. Immutable.
 */
final class LeadPath {

  private static final Pattern VALID = Pattern.compile(FieldMapping.PATH);
  private static final Pattern STEP = Pattern.compile("([A-Za-z][A-Za-z0-9]*)|\\[([0-9]{1,3})\\]");

  private final List<Object> steps;

  private LeadPath(List<Object> steps) {
    this.steps = List.copyOf(steps);
  }

  static boolean isValid(String path) {
    return path != null && VALID.matcher(path).matches();
  }

  /** @throws IllegalArgumentException if {@code path} is not {@link #isValid valid} */
  static LeadPath parse(String path) {
    if (!isValid(path)) {
      throw new IllegalArgumentException("not a lead path");
    }
    List<Object> steps = new ArrayList<>();
    Matcher step = STEP.matcher(path);
    while (step.find()) {
      steps.add(step.group(1) != null ? step.group(1) : Integer.valueOf(step.group(2)));
    }
    return new LeadPath(steps);
  }

  /** The value at this path; a missing node when any step is absent or of the wrong kind. */
  JsonNode read(JsonNode root) {
    JsonNode node = root;
    for (Object step : steps) {
      node = step instanceof Integer index ? node.path(index) : node.path((String) step);
      if (node.isMissingNode() || node.isNull()) {
        return MissingNode.getInstance();
      }
    }
    return node;
  }
}
