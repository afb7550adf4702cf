package io.leadbridge.web.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The one spelling of an {@code Allow} list, for 405 answers and {@code OPTIONS} alike: Jersey
 * leaves out {@code HEAD} from a 405 although it answers HEAD wherever GET is, and orders the list
 * differently each time; stateless.
 */
final class AllowedMethods {

  private static final List<String> ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  private AllowedMethods() {}

  /** The methods of a comma-separated {@code Allow} value, HEAD added beside GET, in a fixed order. */
  static List<String> of(String allow) {
    TreeSet<String> methods = new TreeSet<>(
        Comparator.comparingInt(AllowedMethods::rank).thenComparing(Comparator.naturalOrder()));
    for (String method : (allow == null ? "" : allow).split(",")) {
      if (!method.isBlank()) {
        methods.add(method.trim().toUpperCase(Locale.ROOT));
      }
    }
    if (methods.contains("GET")) {
      methods.add("HEAD");
    }
    return new ArrayList<>(methods);
  }

  /** The header value: the methods joined by {@code ", "}. */
  static String header(List<String> methods) {
    return String.join(", ", methods);
  }

  private static int rank(String method) {
    int rank = ORDER.indexOf(method);
    return rank < 0 ? ORDER.size() : rank;
  }
}
