package io.leadbridge.leads.api;

/**
 * The formats and lengths of a lead's fields: the leads module's validation checks them and the
 * published document states them, from these constants, so the two cannot drift apart. Patterns
 * read alike in Java and ECMA-262.
 */
public final class LeadFormats {

  public static final String EMAIL = "[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+";
  public static final String E164 = "\\+[1-9][0-9]{6,14}";
  /** 17 characters; I, O and Q are never used, so they cannot be mistaken for 1 and 0. */
  public static final String VIN = "[A-HJ-NPR-Za-hj-npr-z0-9]{17}";
  public static final String COUNTRY = "[A-Z]{2}";
  public static final String CUSTOM_FIELD_NAME = "[A-Za-z0-9_.-]{1,100}";

  /** Names: of people, makes, models, cities, sources. */
  public static final int NAME = 100;
  /** Longer single-line texts: external ids, streets. */
  public static final int TEXT = 200;
  public static final int EMAIL_LENGTH = 254;
  public static final int POSTAL_CODE = 20;
  public static final int COMMENTS = 4000;
  public static final int CUSTOM_FIELD_VALUE = 1000;
  public static final int MAX_CONTACTS = 10;
  public static final int MAX_CUSTOM_FIELDS = 50;
  public static final int FIRST_MODEL_YEAR = 1900;
  public static final int MAX_ODOMETER = 5_000_000;

  private LeadFormats() {}
}
