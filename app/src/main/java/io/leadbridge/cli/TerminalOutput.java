package io.leadbridge.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The one place the hub writes to the terminal: what a command prints for the person who ran it
 * (an architecture rule forbids System.out elsewhere); thread-safe (PrintStream is).
 */
public final class TerminalOutput {

  private static final PrintStream OUT =
      new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

  private TerminalOutput() {}

  public static void println(String line) {
    OUT.println(line);
  }

  /** A writer onto the terminal, for libraries that report through a PrintWriter; flush when done. */
  public static PrintWriter writer() {
    return new PrintWriter(OUT, true, StandardCharsets.UTF_8);
  }
}
