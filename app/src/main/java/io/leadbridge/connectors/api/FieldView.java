package io.leadbridge.connectors.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.leadbridge.connector.api.FieldSpec;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A credential or settings field of a connector as the API shows it; immutable. A secret field
 * never has a default or allowed values (the descriptor refuses them), so nothing secret is shown.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FieldView(
    String name,
    String label,
    String type,
    boolean secret,
    boolean required,
    String pattern,
    List<String> allowedValues,
    String defaultValue,
    String help) {

  public static FieldView of(FieldSpec field) {
    return new FieldView(
        field.name(),
        field.label(),
        field.type().name(),
        field.secret(),
        field.required(),
        field.pattern().map(Pattern::pattern).orElse(null),
        field.allowedValues(),
        field.defaultValue().orElse(null),
        field.help().orElse(null));
  }
}
