package io.leadbridge.canary;

import io.leadbridge.testing.Db;
import io.leadbridge.testing.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Every row of every table of a test database as text: H2's {@code SCRIPT}, PostgreSQL's
 * {@code pg_dump} (or a JDBC walk over every table when pg_dump is not installed). Binary columns
 * appear as hex, so a scan must look for the hex form too. Stateless.
 */
final class DatabaseDump {

  private DatabaseDump() {}

  static String of(TestDatabases.Target target) throws Exception {
    if (target.db() == Db.H2) {
      return h2Script(target);
    }
    for (String candidate : List.of("/usr/bin/pg_dump", "/usr/lib/postgresql/15/bin/pg_dump")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return pgDump(candidate, target);
      }
    }
    return jdbcWalk(target);
  }

  private static String h2Script(TestDatabases.Target target) throws SQLException {
    StringBuilder dump = new StringBuilder();
    try (Connection c = DriverManager.getConnection(target.url(), target.user(), target.password());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SCRIPT")) {
      while (rs.next()) {
        dump.append(rs.getString(1)).append('\n');
      }
    }
    return dump.toString();
  }

  private static String pgDump(String pgDump, TestDatabases.Target target) throws IOException, InterruptedException {
    String libpqUrl = target.url().substring("jdbc:".length()).replace("postgresql://", "postgresql://" + target.user() + "@");
    Process process = new ProcessBuilder(pgDump, "--data-only", "--inserts", "--dbname=" + libpqUrl)
        .redirectErrorStream(true).start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("pg_dump failed: " + new String(out, StandardCharsets.UTF_8));
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  private static String jdbcWalk(TestDatabases.Target target) throws SQLException {
    StringBuilder dump = new StringBuilder();
    try (Connection c = DriverManager.getConnection(target.url(), target.user(), target.password());
        Statement s = c.createStatement();
        ResultSet tables = s.executeQuery(
            "SELECT table_schema, table_name FROM information_schema.tables"
                + " WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')")) {
      List<String> names = new ArrayList<>();
      while (tables.next()) {
        names.add(tables.getString(1) + "." + tables.getString(2));
      }
      for (String table : names) {
        try (Statement rows = c.createStatement(); ResultSet rs = rows.executeQuery("SELECT * FROM " + table)) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              Object value = rs.getObject(i);
              dump.append(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value)).append('\t');
            }
            dump.append('\n');
          }
        }
      }
    }
    return dump.toString();
  }
}
