package io.leadbridge.integrations;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an integration does with a lead the intake marked as a duplicate of another (the same
 * shopper from another provider): deliver it as any lead, deliver it with the custom field
 * {@code leadbridgeDuplicateOf} naming the first lead, or skip it. Immutable.
 */
public enum DuplicatePolicy {
  DELIVER,
  DELIVER_MARKED,
  SUPPRESS;

  /** What a request's {@code duplicates} may be, for bean validation and the document. */
  public static final String PATTERN = "deliver|deliver-marked|suppress";
  public static final String MESSAGE = "must be deliver, deliver-marked or suppress";
  public static final String DESCRIPTION = "what happens to a lead marked as a duplicate: deliver (the default),"
      + " deliver-marked (a custom field leadbridgeDuplicateOf names the first lead) or suppress (the delivery is"
      + " skipped)";

  /** A request's policy, validated by {@link #PATTERN}: absent means {@link #DELIVER}. */
  public static DuplicatePolicy orDeliver(String given) {
    return given == null ? DELIVER : fromColumn(given);
  }

  /** An update's policy, validated by {@link #PATTERN}: absent means unchanged. */
  public static Optional<DuplicatePolicy> given(String given) {
    return Optional.ofNullable(given).map(DuplicatePolicy::fromColumn);
  }

  /** The API and column name: {@code deliver}, {@code deliver-marked}, {@code suppress}. */
  public String column() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static DuplicatePolicy fromColumn(String column) {
    return Arrays.stream(values()).filter(p -> p.column().equals(column)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no duplicate policy " + column));
  }
}
