package io.leadbridge.integrations.internal;

import io.leadbridge.connector.api.FieldSpec;
import io.leadbridge.credentials.SecretText;
import io.leadbridge.credentials.SecretValue;
import io.leadbridge.errors.FieldError;
import io.leadbridge.integrations.BaseUrlPolicy;
import io.leadbridge.integrations.WebhookAuth;
import io.leadbridge.integrations.WebhookEndpoint;
import io.leadbridge.integrations.api.AuthRequest;
import io.leadbridge.integrations.api.EndpointRequest;
import io.leadbridge.web.TextRules;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a webhook's endpoint, auth flow and secrets as a request gives them, adding every problem
 * to one list; messages name fields and rules, never a secret. Whatever is accepted can be sent
 * where it goes: header names are tokens, header values (the api key among them) printable ASCII,
 * and no secret holds a control character. Stateless and thread-safe.
 */
public final class WebhookValidation {

  public static final int DEFAULT_TIMEOUT_MS = 10_000;
  public static final int MIN_SIGNING_SECRET_BYTES = 32;

  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}");
  /** Printable ASCII: the JDK client refuses control characters and anything past U+00FF in a header. */
  private static final Pattern HEADER_VALUE = Pattern.compile("[\\x20-\\x7E]{0,1000}");
  private static final int MAX_TEXT = 200;
  private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,200}");
  private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH");
  /** Headers the deliverer sets itself, the HTTP client owns, or that would carry a secret in the clear. */
  private static final Set<String> RESERVED = Set.of("authorization", "proxy-authorization", "cookie", "host",
      "content-type", "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade", "expect", "te",
      "trailer", "idempotency-key", "user-agent");

  private WebhookValidation() {}

  /** A name that is one line of 1-200 characters ({@link TextRules#SINGLE_LINE}), else a problem. */
  public static void name(String name, List<FieldError> errors) {
    if (name == null || name.isBlank() || !isText(name.strip())) {
      errors.add(new FieldError("name", "is required: 1-200 characters that " + TextRules.SINGLE_LINE_MESSAGE));
    }
  }

  private static boolean isText(String value) {
    return !value.isEmpty() && value.length() <= MAX_TEXT && TextRules.isSingleLine(value);
  }

  /** The endpoint, or null after adding its problems. */
  public static WebhookEndpoint endpoint(EndpointRequest request, BaseUrlPolicy urls, List<FieldError> errors) {
    if (request == null) {
      errors.add(new FieldError("endpoint", "is required"));
      return null;
    }
    int before = errors.size();
    URI url = null;
    if (request.url() == null || request.url().isBlank() || request.url().length() > 2048) {
      errors.add(new FieldError("endpoint.url", "is required: an https URL of at most 2048 characters"));
    } else {
      url = urls.checked("endpoint.url", request.url(), errors);
    }
    String method = request.method() == null ? "POST" : request.method().toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      errors.add(new FieldError("endpoint.method", "must be POST, PUT or PATCH"));
    }
    Map<String, String> headers = request.headers() == null ? Map.of() : request.headers();
    headers.forEach((name, value) -> header(name, value, errors));
    int timeout = request.timeoutMs() == null ? DEFAULT_TIMEOUT_MS : request.timeoutMs();
    if (timeout < 100 || timeout > 60_000) {
      errors.add(new FieldError("endpoint.timeoutMs", "must be 100 to 60000"));
    }
    return errors.size() > before ? null : new WebhookEndpoint(url, method, headers, timeout);
  }

  /** The auth flow's non-secret settings, or null after adding its problems (secret fields included). */
  public static WebhookAuth auth(AuthRequest request, BaseUrlPolicy urls, List<FieldError> errors) {
    if (request == null) {
      errors.add(new FieldError("auth", "is required, e.g. {\"type\": \"none\"}"));
      return null;
    }
    Optional<WebhookAuth.Type> type = WebhookAuth.Type.fromApiName(request.type());
    if (type.isEmpty()) {
      errors.add(new FieldError("auth.type", "must be none, api-key-header, basic or oauth2-client-credentials"));
      return null;
    }
    int before = errors.size();
    Map<String, Boolean> given = given(request);
    Set<String> applies = switch (type.get()) {
      case NONE -> Set.of();
      case API_KEY_HEADER -> Set.of("headerName", "apiKey");
      case BASIC -> Set.of("username", "password");
      case OAUTH2_CLIENT_CREDENTIALS -> Set.of("tokenUrl", "clientId", "clientSecret", "scopes");
    };
    given.forEach((field, present) -> {
      if (present && !applies.contains(field)) {
        errors.add(new FieldError("auth." + field, "does not apply to " + type.get().apiName()));
      }
    });
    type.get().secretField().ifPresent(field ->
        secret("auth." + field, secretOf(request, field), 1, textRule(type.get()), errors));
    URI tokenUrl = null;
    switch (type.get()) {
      case API_KEY_HEADER -> {
        if (request.headerName() == null || !HEADER_NAME.matcher(request.headerName()).matches()
            || RESERVED.contains(request.headerName().toLowerCase(Locale.ROOT))) {
          errors.add(new FieldError("auth.headerName", "is required: a header name the deliverer does not set itself"));
        }
      }
      case BASIC -> {
        if (request.username() == null || !isText(request.username()) || request.username().contains(":")) {
          errors.add(new FieldError("auth.username", "is required: 1-200 characters without ':' that "
              + TextRules.SINGLE_LINE_MESSAGE));
        }
      }
      case OAUTH2_CLIENT_CREDENTIALS -> {
        if (request.tokenUrl() == null || request.tokenUrl().isBlank() || request.tokenUrl().length() > 2048) {
          errors.add(new FieldError("auth.tokenUrl", "is required: an https URL of at most 2048 characters"));
        } else {
          tokenUrl = urls.checked("auth.tokenUrl", request.tokenUrl(), errors);
        }
        if (request.clientId() == null || !isText(request.clientId())) {
          errors.add(new FieldError("auth.clientId", "is required: 1-200 characters that " + TextRules.SINGLE_LINE_MESSAGE));
        }
        List<String> scopes = request.scopes() == null ? List.of() : request.scopes();
        for (int i = 0; i < scopes.size(); i++) {
          if (scopes.get(i) == null || !SCOPE.matcher(scopes.get(i)).matches()) {
            errors.add(new FieldError("auth.scopes[" + i + "]", "must be a scope token (RFC 6749 section 3.3)"));
          }
        }
      }
      default -> { }
    }
    if (errors.size() > before) {
      return null;
    }
    return new WebhookAuth(type.get(), request.headerName(), request.username(), tokenUrl, request.clientId(),
        type.get() == WebhookAuth.Type.OAUTH2_CLIENT_CREDENTIALS && request.scopes() != null ? request.scopes() : null);
  }

  /**
   * The signing secret's problems: required, at least {@value #MIN_SIGNING_SECRET_BYTES} bytes, one
   * line (a receiver types it into its own configuration).
   */
  public static void signingSecret(SecretValue secret, List<FieldError> errors) {
    secret(WebhookAuth.SIGNING_SECRET, secret, MIN_SIGNING_SECRET_BYTES, SecretText.Rule.SINGLE_LINE, errors);
  }

  /** What goes to the vault: the signing secret and the flow's secret, by their vault field names. */
  public static Map<String, SecretValue> secrets(AuthRequest auth, WebhookAuth.Type type, SecretValue signingSecret) {
    Map<String, SecretValue> secrets = new LinkedHashMap<>();
    secrets.put(WebhookAuth.SIGNING_SECRET, signingSecret);
    type.secretField().ifPresent(field -> secrets.put(field, secretOf(auth, field)));
    return secrets;
  }

  private static void header(String name, String value, List<FieldError> errors) {
    if (name == null || !HEADER_NAME.matcher(name).matches() || RESERVED.contains(name.toLowerCase(Locale.ROOT))
        || name.toLowerCase(Locale.ROOT).startsWith("x-leadbridge-")) {
      errors.add(new FieldError("endpoint.headers", "has a name that is not a header name, or one the deliverer"
          + " sets itself (Authorization, Content-Type, Idempotency-Key, X-Leadbridge-*, ...)"));
    } else if (value == null || !HEADER_VALUE.matcher(value).matches()) {
      errors.add(new FieldError("endpoint.headers." + name, "must be at most 1000 printable ASCII characters"));
    }
  }

  private static void secret(String field, SecretValue secret, int minBytes, SecretText.Rule rule,
      List<FieldError> errors) {
    if (secret == null || secret.isEmpty()) {
      errors.add(new FieldError(field, "is required"));
    } else if (secret.length() < minBytes) {
      errors.add(new FieldError(field, "must be at least " + minBytes + " bytes"));
    } else if (secret.length() > FieldSpec.MAX_VALUE_LENGTH) {
      errors.add(new FieldError(field, "is longer than " + FieldSpec.MAX_VALUE_LENGTH + " bytes"));
    } else {
      SecretText.problem(secret, rule).ifPresent(problem -> errors.add(new FieldError(field, problem)));
    }
  }

  /**
   * The api key goes into a header as it is; the password and the client secret only ever travel
   * base64- or form-encoded, which carries any character, but none of them may hold a control
   * character (it is never part of a real credential and cannot be typed back).
   */
  private static SecretText.Rule textRule(WebhookAuth.Type type) {
    return type == WebhookAuth.Type.API_KEY_HEADER ? SecretText.Rule.HEADER_VALUE : SecretText.Rule.SINGLE_LINE;
  }

  private static SecretValue secretOf(AuthRequest request, String field) {
    return switch (field) {
      case "apiKey" -> request.apiKey();
      case "password" -> request.password();
      case "clientSecret" -> request.clientSecret();
      default -> throw new IllegalArgumentException("not a secret field of an auth flow");
    };
  }

  private static Map<String, Boolean> given(AuthRequest r) {
    Map<String, Boolean> given = new LinkedHashMap<>();
    given.put("headerName", r.headerName() != null);
    given.put("apiKey", r.apiKey() != null);
    given.put("username", r.username() != null);
    given.put("password", r.password() != null);
    given.put("tokenUrl", r.tokenUrl() != null);
    given.put("clientId", r.clientId() != null);
    given.put("clientSecret", r.clientSecret() != null);
    given.put("scopes", r.scopes() != null);
    return given;
  }
}
