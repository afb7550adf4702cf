package io.leadbridge.storage;

/** The databases the hub runs on, recognised from a JDBC URL. */
public enum DatabaseVendor {
  H2("h2"),
  POSTGRESQL("postgresql");

  private final String migrationFolder;

  DatabaseVendor(String migrationFolder) {
    this.migrationFolder = migrationFolder;
  }

  /**
   * Recognises the vendor of a JDBC URL.
   *
   * @throws IllegalArgumentException for any other database; the URL is not echoed because it may
   *     carry a password
   */
  public static DatabaseVendor fromJdbcUrl(String url) {
    if (url != null && url.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (url != null && url.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException(
        "unsupported database: the JDBC URL must start with jdbc:h2: or jdbc:postgresql:");
  }

  /** The Flyway location of this vendor's own migrations, next to the common ones. */
  public String migrationLocation() {
    return "classpath:db/migration/" + migrationFolder;
  }
}
