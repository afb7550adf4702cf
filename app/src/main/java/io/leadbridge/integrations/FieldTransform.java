package io.leadbridge.integrations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How a {@link FieldMapping} changes a value on its way to the target; which parameters apply
 * depends on {@code type}, and the services check them when a mapping is saved. Immutable.
 *
 * @param type {@code constant}, {@code concat}, {@code lowercase}, {@code e164} or {@code date}
 * @param value the value a {@code constant} sends
 * @param sources the paths a {@code concat} joins (absent values are skipped)
 * @param separator what a {@code concat} puts between values; none when absent
 * @param defaultCountry the ISO 3166 region an {@code e164} assumes for numbers without a country
 *     code; {@code US} when absent
 * @param pattern a {@code date}'s {@link java.time.format.DateTimeFormatter} pattern
 * @param zone a {@code date}'s time zone id; {@code UTC} when absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldTransform(
    String type,
    String value,
    List<String> sources,
    String separator,
    String defaultCountry,
    String pattern,
    String zone) {

  public static final String CONSTANT = "constant";
  public static final String CONCAT = "concat";
  public static final String LOWERCASE = "lowercase";
  public static final String E164 = "e164";
  public static final String DATE = "date";

  public FieldTransform {
    sources = sources == null ? null : List.copyOf(sources);
  }

  /** Whether the transform reads its own sources instead of the mapping's {@code source}. */
  public boolean bringsOwnSources() {
    return CONSTANT.equals(type) || CONCAT.equals(type);
  }
}
