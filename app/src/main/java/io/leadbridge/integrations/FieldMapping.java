package io.leadbridge.integrations;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.leadbridge.web.TextRules;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One declarative field mapping: take the lead's value at {@code source} (a JSON path such as
 * {@code customer.emails[0]}), optionally pass it through a {@link FieldTransform}, and send it as
 * {@code target}. A {@code constant} or {@code concat} transform brings its own sources, so
 * {@code source} is absent then; every other mapping needs one (checked by the services, which name
 * the mapping at fault). Immutable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldMapping(
    @Size(max = 200) @Pattern(regexp = FieldMapping.PATH, message = "must be a path into the lead, e.g. customer.emails[0]")
        String source,
    @NotBlank @Size(min = 1, max = 100) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String target,
    FieldTransform transform) {

  /** A path into the lead: dotted names with optional list indexes, e.g. {@code customer.phones[0].number}. */
  public static final String PATH = "[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*|\\[[0-9]{1,3}\\])*";

  /** A plain copy from {@code source} to {@code target}, as third-party mappings always were. */
  public FieldMapping(String source, String target) {
    this(source, target, null);
  }
}
