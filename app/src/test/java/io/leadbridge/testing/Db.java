package io.leadbridge.testing;

/** The two databases every DAO and app-level test runs on. */
public enum Db {
  H2,
  POSTGRES
}
