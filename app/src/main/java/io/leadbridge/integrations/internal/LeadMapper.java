package io.leadbridge.integrations.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.leadbridge.integrations.FieldMapping;
import io.leadbridge.integrations.FieldTransform;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a lead into the body an internal integration receives, by its field mappings (validated
 * when saved by {@link MappingValidation}). A value that is absent, or that a transform cannot
 * convert (a phone that is no number, a date that is no instant), leaves its target out; mapping
 * never fails a delivery. Stateless and thread-safe.
 */
final class LeadMapper {

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private LeadMapper() {}

  /**
   * The webhook body: the whole lead when there are no mappings, else only the mapped targets.
   *
   * @param lead the lead's JSON object with {@code leadId} added (so mappings can send it too)
   */
  static ObjectNode map(ObjectNode lead, List<FieldMapping> mappings) {
    if (mappings.isEmpty()) {
      return lead.deepCopy();
    }
    ObjectNode body = NODES.objectNode();
    for (FieldMapping mapping : mappings) {
      value(lead, mapping).ifPresent(value -> put(body, mapping.target(), value));
    }
    return body;
  }

  /** One mapping's value, if the lead has one that converts. */
  static Optional<JsonNode> value(JsonNode lead, FieldMapping mapping) {
    FieldTransform transform = mapping.transform();
    if (transform == null) {
      return present(LeadPath.parse(mapping.source()).read(lead));
    }
    return switch (transform.type()) {
      case FieldTransform.CONSTANT -> Optional.of(TextNode.valueOf(transform.value()));
      case FieldTransform.CONCAT -> concat(lead, transform);
      case FieldTransform.LOWERCASE -> scalar(lead, mapping).map(s -> TextNode.valueOf(s.toLowerCase(Locale.ROOT)));
      case FieldTransform.E164 -> scalar(lead, mapping).flatMap(s -> e164(s, transform)).map(TextNode::valueOf);
      case FieldTransform.DATE -> scalar(lead, mapping).flatMap(s -> date(s, transform)).map(TextNode::valueOf);
      default -> throw new IllegalArgumentException("unknown transform type");
    };
  }

  /** Phone to E.164, or empty when it is not a valid number for the default country. */
  static Optional<String> e164(String phone, FieldTransform transform) {
    String region = transform.defaultCountry() == null ? "US" : transform.defaultCountry().toUpperCase(Locale.ROOT);
    try {
      PhoneNumber number = PHONES.parse(phone, region);
      if (!PHONES.isValidNumber(number)) {
        return Optional.empty();
      }
      return Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  /** An ISO instant in the transform's pattern and zone, or empty when it is not an instant. */
  static Optional<String> date(String instant, FieldTransform transform) {
    try {
      ZoneId zone = transform.zone() == null ? ZoneOffset.UTC : ZoneId.of(transform.zone());
      return Optional.of(DateTimeFormatter.ofPattern(transform.pattern(), Locale.ROOT).withZone(zone)
          .format(Instant.parse(instant)));
    } catch (DateTimeException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<JsonNode> concat(JsonNode lead, FieldTransform transform) {
    List<String> parts = new ArrayList<>();
    for (String source : transform.sources()) {
      JsonNode node = LeadPath.parse(source).read(lead);
      if (node.isValueNode() && !node.asText().isEmpty()) {
        parts.add(node.asText());
      }
    }
    String separator = transform.separator() == null ? "" : transform.separator();
    return parts.isEmpty() ? Optional.empty() : Optional.of(TextNode.valueOf(String.join(separator, parts)));
  }

  private static Optional<String> scalar(JsonNode lead, FieldMapping mapping) {
    JsonNode node = LeadPath.parse(mapping.source()).read(lead);
    return node.isValueNode() ? Optional.of(node.asText()) : Optional.empty();
  }

  private static Optional<JsonNode> present(JsonNode node) {
    return node.isMissingNode() ? Optional.empty() : Optional.of(node.deepCopy());
  }

  /** Sets a dotted target ({@code contact.email}) in {@code body}, building the nested objects. */
  private static void put(ObjectNode body, String target, JsonNode value) {
    String[] names = target.split("\\.");
    ObjectNode parent = body;
    for (int i = 0; i < names.length - 1; i++) {
      JsonNode child = parent.get(names[i]);
      parent = child instanceof ObjectNode object ? object : parent.putObject(names[i]);
    }
    parent.set(names[names.length - 1], value);
  }
}
