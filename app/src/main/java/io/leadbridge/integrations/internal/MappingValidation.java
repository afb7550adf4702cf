package io.leadbridge.integrations.internal;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.leadbridge.errors.FieldError;
import io.leadbridge.integrations.FieldMapping;
import io.leadbridge.integrations.FieldTransform;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks field mappings when they are saved, so a mapping that {@link LeadMapper} could not apply
 * never reaches a delivery; each problem names the mapping ({@code fieldMappings[2].transform.pattern}).
 * Messages name rules, never values. Stateless and thread-safe.
 */
public final class MappingValidation {

  private static final Pattern TARGET = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*)*");
  private static final Set<String> TYPES = Set.of(FieldTransform.CONSTANT, FieldTransform.CONCAT,
      FieldTransform.LOWERCASE, FieldTransform.E164, FieldTransform.DATE);
  private static final int MAX_CONCAT_SOURCES = 10;
  private static final int MAX_TEXT = 1000;

  private MappingValidation() {}

  /** Problems of a third-party integration's mappings: sources and transforms (targets are the connector's business). */
  public static List<FieldError> sourcesAndTransforms(List<FieldMapping> mappings) {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < mappings.size(); i++) {
      check(mappings.get(i), "fieldMappings[" + i + "]", errors);
    }
    return errors;
  }

  /**
   * Problems of a webhook's mappings: sources, transforms, and targets, which must be dotted names
   * that build one JSON object (no target twice, none inside another's value).
   */
  public static List<FieldError> webhook(List<FieldMapping> mappings) {
    List<FieldError> errors = sourcesAndTransforms(mappings);
    Set<String> targets = new HashSet<>();
    for (int i = 0; i < mappings.size(); i++) {
      String target = mappings.get(i).target();
      String field = "fieldMappings[" + i + "].target";
      if (target == null || target.length() > 100 || !TARGET.matcher(target).matches()) {
        errors.add(new FieldError(field, "must be a dotted name of at most 100 characters, e.g. contact.email"));
      } else if (!targets.add(target)) {
        errors.add(new FieldError(field, "is the target of an earlier mapping"));
      }
    }
    for (int i = 0; i < mappings.size(); i++) {
      String target = mappings.get(i).target();
      if (target != null && targets.stream().anyMatch(other -> other.startsWith(target + "."))) {
        errors.add(new FieldError("fieldMappings[" + i + "].target", "is also the parent of another mapping's target"));
      }
    }
    return errors;
  }

  private static void check(FieldMapping mapping, String at, List<FieldError> errors) {
    FieldTransform transform = mapping.transform();
    boolean ownSources = transform != null && transform.bringsOwnSources();
    if (ownSources && mapping.source() != null) {
      errors.add(new FieldError(at + ".source", "must be absent: a " + transform.type() + " transform has its own"));
    } else if (!ownSources && !LeadPath.isValid(mapping.source())) {
      errors.add(new FieldError(at + ".source", "must be a path into the lead, e.g. customer.emails[0]"));
    }
    if (transform != null) {
      checkTransform(transform, at + ".transform", errors);
    }
  }

  private static void checkTransform(FieldTransform t, String at, List<FieldError> errors) {
    if (t.type() == null || !TYPES.contains(t.type())) {
      errors.add(new FieldError(at + ".type", "must be one of " + TYPES.stream().sorted().toList()));
      return;
    }
    Set<String> allowed = switch (t.type()) {
      case FieldTransform.CONSTANT -> Set.of("value");
      case FieldTransform.CONCAT -> Set.of("sources", "separator");
      case FieldTransform.E164 -> Set.of("defaultCountry");
      case FieldTransform.DATE -> Set.of("pattern", "zone");
      default -> Set.of();
    };
    unexpected(t, allowed, at, errors);
    switch (t.type()) {
      case FieldTransform.CONSTANT -> {
        if (t.value() == null || t.value().length() > MAX_TEXT) {
          errors.add(new FieldError(at + ".value", "is required, at most " + MAX_TEXT + " characters"));
        }
      }
      case FieldTransform.CONCAT -> concat(t, at, errors);
      case FieldTransform.E164 -> {
        if (t.defaultCountry() != null
            && !PhoneNumberUtil.getInstance().getSupportedRegions().contains(t.defaultCountry().toUpperCase(Locale.ROOT))) {
          errors.add(new FieldError(at + ".defaultCountry", "must be an ISO 3166 country code, e.g. US"));
        }
      }
      case FieldTransform.DATE -> date(t, at, errors);
      default -> { }
    }
  }

  private static void concat(FieldTransform t, String at, List<FieldError> errors) {
    if (t.sources() == null || t.sources().isEmpty() || t.sources().size() > MAX_CONCAT_SOURCES) {
      errors.add(new FieldError(at + ".sources", "must list 1 to " + MAX_CONCAT_SOURCES + " paths into the lead"));
    } else {
      for (int i = 0; i < t.sources().size(); i++) {
        if (!LeadPath.isValid(t.sources().get(i))) {
          errors.add(new FieldError(at + ".sources[" + i + "]", "must be a path into the lead, e.g. customer.lastName"));
        }
      }
    }
    if (t.separator() != null && t.separator().length() > 10) {
      errors.add(new FieldError(at + ".separator", "is at most 10 characters"));
    }
  }

  private static void date(FieldTransform t, String at, List<FieldError> errors) {
    try {
      if (t.pattern() == null || t.pattern().isBlank() || t.pattern().length() > 100) {
        throw new IllegalArgumentException("missing");
      }
      DateTimeFormatter.ofPattern(t.pattern(), Locale.ROOT);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(at + ".pattern", "must be a date-time pattern, e.g. yyyy-MM-dd HH:mm"));
    }
    if (t.zone() != null) {
      try {
        ZoneId.of(t.zone());
      } catch (DateTimeException e) {
        errors.add(new FieldError(at + ".zone", "must be a time zone id, e.g. America/Chicago"));
      }
    }
  }

  /** Parameters of other transform types are refused rather than silently ignored. */
  private static void unexpected(FieldTransform t, Set<String> allowed, String at, List<FieldError> errors) {
    record Given(String name, Object value) {}
    for (Given given : List.of(new Given("value", t.value()), new Given("sources", t.sources()),
        new Given("separator", t.separator()), new Given("defaultCountry", t.defaultCountry()),
        new Given("pattern", t.pattern()), new Given("zone", t.zone()))) {
      if (given.value() != null && !allowed.contains(given.name())) {
        errors.add(new FieldError(at + "." + given.name(), "does not apply to a " + t.type() + " transform"));
      }
    }
  }
}
