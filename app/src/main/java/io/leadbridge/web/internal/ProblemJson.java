package io.leadbridge.web.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadbridge.web.Problem;
import java.util.List;

/** Renders a problem body outside Jersey (servlet filters, Jetty's error handler); thread-safe. */
final class ProblemJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ProblemJson() {}

  static String render(int status, String code, String detail) {
    return render(Problem.of(status, code, detail, List.of()));
  }

  static String render(Problem problem) {
    try {
      return MAPPER.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a problem record always serialises", e);
    }
  }
}
