package io.leadbridge.integrations.internal;

import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.FieldSpec;
import io.leadbridge.credentials.SecretText;
import io.leadbridge.credentials.SecretValue;
import io.leadbridge.errors.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks an integration's settings and credentials against its connector's descriptor; messages
 * name fields and rules, never values. Stateless.
 */
public final class DescriptorValidation {

  private DescriptorValidation() {}

  /** Problems with the settings: unknown names, and each declared field's own rules. */
  public static List<FieldError> settings(ConnectorDescriptor descriptor, Map<String, String> values) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> declared = descriptor.settingsFields().stream().map(FieldSpec::name).collect(Collectors.toSet());
    values.keySet().stream().filter(name -> !declared.contains(name)).sorted()
        .forEach(name -> errors.add(new FieldError("settings." + name, "is not a setting of " + descriptor.id())));
    for (FieldSpec field : descriptor.settingsFields()) {
      field.validate(values.get(field.name()))
          .ifPresent(problem -> errors.add(new FieldError("settings." + field.name(), problem)));
    }
    return errors;
  }

  /**
   * Problems with a full set of credentials: unknown names (never repeated back), missing required
   * fields, and per value the same rule for every connector: at most
   * {@value FieldSpec#MAX_VALUE_LENGTH} bytes, no control character (line breaks and TAB only in a
   * {@linkplain FieldSpec#multiline() multi-line} field), and the field's pattern if it declares
   * one. Values are checked inside the credentials module and never quoted.
   */
  public static List<FieldError> credentials(ConnectorDescriptor descriptor, Map<String, SecretValue> values) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> declared = descriptor.credentialFields().stream().map(FieldSpec::name).collect(Collectors.toSet());
    if (!declared.containsAll(values.keySet())) {
      // Unknown names are not echoed: a client that pasted a token where a field name belongs
      // must not get it back in the error.
      errors.add(new FieldError("credentials", "has fields " + descriptor.id() + " does not declare; it declares "
          + declared.stream().sorted().toList()));
    }
    for (FieldSpec field : descriptor.credentialFields()) {
      SecretValue value = values.get(field.name());
      if (value == null || value.isEmpty()) {
        if (field.required()) {
          errors.add(new FieldError("credentials." + field.name(), "is required"));
        }
      } else {
        problem(field, value).ifPresent(problem -> errors.add(new FieldError("credentials." + field.name(), problem)));
      }
    }
    return errors;
  }

  private static Optional<String> problem(FieldSpec field, SecretValue value) {
    if (value.length() > FieldSpec.MAX_VALUE_LENGTH) {
      return Optional.of("is longer than " + FieldSpec.MAX_VALUE_LENGTH + " bytes");
    }
    Optional<String> text = SecretText.problem(value,
        field.multiline() ? SecretText.Rule.MULTI_LINE : SecretText.Rule.SINGLE_LINE);
    if (text.isPresent()) {
      return text;
    }
    if (field.pattern().isPresent() && !SecretText.matches(value, field.pattern().get())) {
      return Optional.of("does not have the expected format");
    }
    return Optional.empty();
  }
}
