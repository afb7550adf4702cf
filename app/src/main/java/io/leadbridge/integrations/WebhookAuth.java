package io.leadbridge.integrations;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An internal integration's auth flow and its non-secret settings; the secrets (api key, password,
 * client secret) are in the vault. Fields that the type does not use are null. Immutable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookAuth(Type type, String headerName, String username, URI tokenUrl, String clientId, List<String> scopes) {

  /** The auth flows a webhook can use, by their API name. */
  public enum Type {
    NONE("none", null),
    API_KEY_HEADER("api-key-header", "apiKey"),
    BASIC("basic", "password"),
    OAUTH2_CLIENT_CREDENTIALS("oauth2-client-credentials", "clientSecret");

    private final String apiName;
    private final String secretField;

    Type(String apiName, String secretField) {
      this.apiName = apiName;
      this.secretField = secretField;
    }

    @JsonValue
    public String apiName() {
      return apiName;
    }

    /** The vault field of the flow's secret, if it has one. */
    public Optional<String> secretField() {
      return Optional.ofNullable(secretField);
    }

    public static Optional<Type> fromApiName(String name) {
      return Arrays.stream(values()).filter(t -> t.apiName.equals(name)).findFirst();
    }
  }

  /** The vault field of the per-integration HMAC signing secret. */
  public static final String SIGNING_SECRET = "signingSecret";

  public WebhookAuth {
    Objects.requireNonNull(type, "type");
    scopes = scopes == null ? null : List.copyOf(scopes);
  }

  public static WebhookAuth none() {
    return new WebhookAuth(Type.NONE, null, null, null, null, null);
  }
}
