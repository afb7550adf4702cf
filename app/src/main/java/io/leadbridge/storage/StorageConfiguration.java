package io.leadbridge.storage;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;

/**
 * Where the hub keeps its state: the database and the local data directory; not thread-safe
 * (configuration, read after start-up).
 */
public class StorageConfiguration {

  @Valid @NotNull private DataSourceFactory database = new DataSourceFactory();

  @NotNull private Path dataDirectory = Path.of("data");

  private boolean migrateOnStart = true;

  @JsonProperty("database")
  public DataSourceFactory getDatabase() {
    return database;
  }

  @JsonProperty("database")
  public void setDatabase(DataSourceFactory database) {
    this.database = database;
  }

  /** Local state that is not in the database: H2 files, the local key file, flag backups. */
  @JsonProperty("dataDirectory")
  public Path getDataDirectory() {
    return dataDirectory;
  }

  @JsonProperty("dataDirectory")
  public void setDataDirectory(Path dataDirectory) {
    this.dataDirectory = dataDirectory;
  }

  /** Whether {@code server} applies pending Flyway migrations before it serves. */
  @JsonProperty("migrateOnStart")
  public boolean isMigrateOnStart() {
    return migrateOnStart;
  }

  @JsonProperty("migrateOnStart")
  public void setMigrateOnStart(boolean migrateOnStart) {
    this.migrateOnStart = migrateOnStart;
  }
}
