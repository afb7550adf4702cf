package io.leadbridge.connectors.internal;

import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.FieldSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the texts a plugin's descriptor carries — names, labels, help, allowed and default values
 * — before the host shows them in {@code /v1/plugins} and {@code /v1/connectors} or logs them: each
 * at most {@value #MAX_LENGTH} characters, with no control or invisible formatting character and
 * nothing credential-shaped. A descriptor that breaks a rule leaves its plugin FAILED with the
 * place named, never the text. Stateless and thread-safe.
 */
final class DescriptorTexts {

  static final int MAX_LENGTH = 500;

  private DescriptorTexts() {}

  /** What is wrong with the descriptor's texts, if anything. */
  static Optional<String> problem(ConnectorDescriptor descriptor) {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("displayName", descriptor.displayName());
    texts.put("vendor", descriptor.vendor());
    fields("credentialFields", descriptor.credentialFields(), texts);
    fields("settingsFields", descriptor.settingsFields(), texts);
    Redactor patterns = new Redactor();
    for (Map.Entry<String, String> text : texts.entrySet()) {
      String value = text.getValue();
      if (value.length() > MAX_LENGTH) {
        return Optional.of("the descriptor's " + text.getKey() + " is longer than " + MAX_LENGTH + " characters");
      }
      if (value.chars().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
        return Optional.of("the descriptor's " + text.getKey() + " contains a control or invisible formatting character");
      }
      if (!patterns.redact(value).equals(value)) {
        return Optional.of("the descriptor's " + text.getKey() + " contains something shaped like a credential");
      }
    }
    return Optional.empty();
  }

  private static void fields(String kind, List<FieldSpec> fields, Map<String, String> texts) {
    for (FieldSpec field : fields) {
      String at = kind + "." + field.name();
      texts.put(at + ".label", field.label());
      field.help().ifPresent(help -> texts.put(at + ".help", help));
      field.defaultValue().ifPresent(value -> texts.put(at + ".defaultValue", value));
      for (int i = 0; i < field.allowedValues().size(); i++) {
        texts.put(at + ".allowedValues[" + i + "]", field.allowedValues().get(i));
      }
    }
  }
}
