package io.leadbridge.web.internal;

import io.leadbridge.errors.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.List;

/**
 * Turns Bean Validation violations on a resource method into API field errors: the path starts
 * below the method parameter, so {@code create.request.customer.lastName} becomes
 * {@code customer.lastName}; a violation on a query or path parameter is named after it.
 */
final class ViolationPaths {

  private ViolationPaths() {}

  static List<FieldError> fieldErrors(ConstraintViolationException e) {
    return e.getConstraintViolations().stream()
        .map(v -> new FieldError(path(v), v.getMessage()))
        .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
        .toList();
  }

  private static String path(ConstraintViolation<?> violation) {
    StringBuilder out = new StringBuilder();
    String parameter = null;
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.PARAMETER) {
        parameter = node.getName();
        continue;
      }
      if (node.getKind() != ElementKind.PROPERTY && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
        continue;
      }
      if (node.getIndex() != null && out.length() > 0) {
        out.append('[').append(node.getIndex()).append(']');
      }
      if (node.getName() != null && !node.getName().startsWith("<")) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(node.getName());
      }
    }
    if (out.length() > 0) {
      return out.toString();
    }
    return parameter == null || isBodyParameter(parameter) ? "body" : parameter;
  }

  private static boolean isBodyParameter(String name) {
    return name.equals("request") || name.startsWith("arg");
  }
}
