package io.leadbridge.web.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.leadbridge.errors.ErrorKind;
import io.leadbridge.errors.FieldError;
import io.leadbridge.errors.LeadbridgeException;
import io.leadbridge.storage.PageRequest;
import io.leadbridge.web.Problem;
import io.leadbridge.web.QueryParams;
import io.leadbridge.web.SafeFailure;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's one exception mapper: every failure, Jersey's own included, becomes problem+json;
 * thread-safe (stateless).
 *
 * <p>4xx problems explain themselves and are not logged as errors; 5xx problems carry only a
 * generic title and an errorId, which is logged exactly once here with the (sanitised) cause.
 */
@Provider
public final class ProblemExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionMapper.class);

  private static final Map<Integer, String> CODES_BY_STATUS =
      Map.of(
          400, "bad_request",
          401, "unauthorized",
          403, "forbidden",
          404, "not_found",
          405, "method_not_allowed",
          406, "not_acceptable",
          413, "payload_too_large",
          415, "unsupported_media_type");

  private static final Set<String> PAGING = Set.of("limit", "cursor");

  private static final List<String> PASSED_ON_HEADERS =
      List.of(HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER);

  /** The request being answered; null in the copy {@link ForValidation} holds, which never needs them. */
  @Context private ExtendedUriInfo uri;

  @Context private Request request;

  @Override
  public Response toResponse(Throwable failure) {
    if (BodyTooLargeException.isCauseOf(failure)) {
      // The rest of the body is still on the wire: closing is cheaper than draining it.
      return builder(Problem.of(413, "payload_too_large", "the request body is too large", List.of()))
          .header("Connection", "close")
          .build();
    }
    if (failure instanceof LeadbridgeException e) {
      return fromDomain(e);
    }
    if (failure instanceof ConstraintViolationException e) {
      return respond(
          Problem.of(422, "validation_failed", "the request is invalid", ViolationPaths.fieldErrors(e)));
    }
    if (failure instanceof JsonProcessingException e) {
      return respond(fromJson(e));
    }
    if (failure instanceof ParamException.QueryParamException query) {
      // JAX-RS answers a query value it cannot convert with 404, as if the resource were missing.
      if (PAGING.contains(query.getParameterName())) {
        return fromDomain(new PageRequest.InvalidPageRequestException(
            new FieldError(query.getParameterName(), "must be a whole number between 1 and " + PageRequest.MAX_LIMIT)));
      }
      return fromDomain(new QueryParams.InvalidQuery(query.getParameterName(), "has the wrong type"));
    }
    if (failure instanceof WebApplicationException e) {
      return fromJaxRs(e);
    }
    if (failure instanceof ValidationException) {
      return respond(Problem.of(422, "validation_failed", "the request is invalid", List.of()));
    }
    return unexpected(failure);
  }

  /**
   * Jersey registers its own mapper for {@link ValidationException}, which wins over a Throwable
   * mapper by type distance and answers a bare 400; this registration routes those failures back
   * to the one mapping above.
   */
  @Provider
  public static final class ForValidation implements ExceptionMapper<ValidationException> {
    private final ProblemExceptionMapper problems = new ProblemExceptionMapper();

    @Override
    public Response toResponse(ValidationException failure) {
      return problems.toResponse(failure);
    }
  }

  private static Response fromDomain(LeadbridgeException e) {
    if (e.kind() == ErrorKind.UNAVAILABLE || e.kind() == ErrorKind.TIMED_OUT) {
      Problem problem = Problem.of(e.kind().status(), e.code(), null, List.of());
      LOG.warn("errorId={} dependency unavailable: {}", problem.errorId(), e.code(), SafeFailure.of(e));
      return respond(problem);
    }
    if (e.kind() == ErrorKind.INTERNAL) {
      Problem problem = Problem.of(500, e.code(), null, List.of());
      LOG.error("errorId={} internal failure: {}", problem.errorId(), e.code(), SafeFailure.of(e));
      return respond(problem);
    }
    Response.ResponseBuilder response = builder(Problem.of(e.kind().status(), e.code(), e.getMessage(), e.fieldErrors()));
    e.retryAfter().ifPresent(wait -> response.header(HttpHeaders.RETRY_AFTER, wholeSeconds(wait)));
    return response.build();
  }

  /** {@code Retry-After} counts whole seconds; rounding up (and at least 1) never invites an early retry. */
  private static long wholeSeconds(Duration wait) {
    long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }

  private static Problem fromJson(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      String field = JsonPaths.of(unknown.getPath());
      return Problem.of(400, "unknown_field", "the body has a field this endpoint does not accept",
          List.of(new FieldError(field, "unknown field")));
    }
    Optional<JsonParseException> duplicate = JsonPaths.duplicateField(e);
    if (duplicate.isPresent()) {
      return Problem.of(400, "duplicate_field", "the body names a field twice; send each field once",
          List.of(new FieldError(JsonPaths.objectOf(duplicate.get()), "has a field twice")));
    }
    if (e instanceof JsonParseException) {
      return Problem.of(400, "malformed_json", "the body is not valid JSON", List.of());
    }
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return Problem.of(400, "invalid_json", "a field has the wrong type or shape",
          List.of(new FieldError(JsonPaths.of(mapping.getPath()), "has the wrong type or shape")));
    }
    return Problem.of(400, "malformed_json", "the body cannot be read as the expected JSON", List.of());
  }

  private Response fromJaxRs(WebApplicationException e) {
    Response original = e.getResponse();
    int status = original.getStatus();
    if (status >= 500) {
      return unexpected(e);
    }
    if (status == 405) {
      return notAllowed(original);
    }
    String code = CODES_BY_STATUS.getOrDefault(status, "client_error");
    Problem problem = Problem.of(status, code, detail(status), List.of());
    Response.ResponseBuilder response = builder(problem);
    for (String header : PASSED_ON_HEADERS) {
      Object value = original.getHeaders().getFirst(header);
      if (value != null) {
        response.header(header, value);
      }
    }
    return response.build();
  }

  /** What a person can do about a failure Jersey raised; it never quotes the request. */
  private String detail(int status) {
    return switch (status) {
      case 401 -> "send a valid, unrevoked API key as Authorization: Bearer lb_<keyId>_<secret>";
      case 403 -> "this key's role may not do this";
      case 404 -> "nothing is found at this path";
      case 406 -> mediaTypes(EndpointMediaTypes.produced(uri, method()), "this endpoint answers only in ",
          "; send an Accept header that allows it", "this endpoint cannot answer in a type the Accept header allows");
      case 415 -> mediaTypes(EndpointMediaTypes.consumed(uri, method()), "this endpoint takes a body of type ",
          "; send it with that Content-Type", "this endpoint does not take a body of this Content-Type");
      case 400 -> "the request cannot be read; check its headers and parameters";
      default -> "the request was refused; the status and title say why";
    };
  }

  private static String mediaTypes(List<String> types, String before, String after, String unknown) {
    return types.isEmpty() ? unknown : before + String.join(" or ", types) + after;
  }

  private String method() {
    return request == null ? "" : request.getMethod();
  }

  /** Says which methods the path takes, in the detail and in {@code Allow}, which HTTP requires on a 405. */
  private static Response notAllowed(Response original) {
    List<String> methods = AllowedMethods.of(original.getHeaderString(HttpHeaders.ALLOW));
    Problem problem = Problem.of(405, "method_not_allowed",
        "this path takes only " + AllowedMethods.header(methods) + " (the Allow header lists them)", List.of());
    return builder(problem).header(HttpHeaders.ALLOW, AllowedMethods.header(methods)).build();
  }

  private static Response unexpected(Throwable failure) {
    Problem problem = Problem.of(500, "internal_error", null, List.of());
    LOG.error("errorId={} unexpected failure", problem.errorId(), SafeFailure.of(failure));
    return respond(problem);
  }

  private static Response respond(Problem problem) {
    return builder(problem).build();
  }

  private static Response.ResponseBuilder builder(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
  }
}
