package io.leadbridge;

/** Placeholder entry point while the foundation is built. */
public final class LeadbridgeApplication {
  private LeadbridgeApplication() {}

  public static void main(String[] args) {}
}
