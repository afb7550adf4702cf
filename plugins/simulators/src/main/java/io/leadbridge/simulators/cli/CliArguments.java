package io.leadbridge.simulators.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parsed {@code --name value} and {@code --flag} command-line options, refusing any the command does not know. Immutable. */
final class CliArguments {
  private final Map<String, List<String>> values;

  private CliArguments(Map<String, List<String>> values) {
    this.values = values;
  }

  /**
   * Parses options; {@code flags} take no value, {@code valued} take exactly one (and may repeat).
   *
   * @throws IllegalArgumentException naming the first unknown or incomplete option
   */
  static CliArguments parse(List<String> args, Set<String> flags, Set<String> valued) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String name = args.get(i);
      if (flags.contains(name)) {
        values.computeIfAbsent(name, ignored -> new ArrayList<>()).add("true");
      } else if (valued.contains(name)) {
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        values.computeIfAbsent(name, ignored -> new ArrayList<>()).add(args.get(++i));
      } else {
        throw new IllegalArgumentException("Unknown option " + name);
      }
    }
    return new CliArguments(Map.copyOf(values));
  }

  Optional<String> value(String name) {
    List<String> given = values.get(name);
    return given == null ? Optional.empty() : Optional.of(given.get(given.size() - 1));
  }

  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  boolean flag(String name) {
    return values.containsKey(name);
  }

  int intValue(String name, int fallback) {
    return value(name).map(Integer::parseInt).orElse(fallback);
  }
}
