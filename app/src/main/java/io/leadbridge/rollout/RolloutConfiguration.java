package io.leadbridge.rollout;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import io.leadbridge.credentials.SecretValue;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * The {@code rollout} section: where the hub reads its per-tenant flags. Not thread-safe (built
 * once, then read).
 *
 * <p>Without {@code serverUrl} the embedded bootstrap of the flags module is the source (every
 * catalog connector on for every tenant). With it, the hub polls that Unleash server and keeps the
 * last state it fetched in {@code <storage.dataDirectory>/rollout/unleash-backup.json}.
 */
public class RolloutConfiguration {

  /** The Unleash server, e.g. {@code https://unleash.example.com}; absent means the embedded bootstrap. */
  private URI serverUrl;

  /** A client (backend) token of the server's environment; required with {@code serverUrl}. */
  private SecretValue apiToken;

  /** How often the flags are fetched; also the longest a change made in Unleash takes to apply. */
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  @MaxDuration(value = 10, unit = TimeUnit.MINUTES)
  private Duration refreshInterval = Duration.seconds(15);

  /** One fetch attempt (connect, then read); the first fetch delays start-up by at most twice this. */
  @NotNull
  @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
  @MaxDuration(value = 60, unit = TimeUnit.SECONDS)
  private Duration fetchTimeout = Duration.seconds(5);

  @JsonProperty
  public URI getServerUrl() {
    return serverUrl;
  }

  @JsonProperty
  public void setServerUrl(URI serverUrl) {
    this.serverUrl = serverUrl;
  }

  /** Write-only: never serialized (a {@link SecretValue} refuses it). */
  public SecretValue apiToken() {
    return apiToken;
  }

  @JsonProperty
  public void setApiToken(SecretValue apiToken) {
    this.apiToken = apiToken;
  }

  @JsonProperty
  public Duration getRefreshInterval() {
    return refreshInterval;
  }

  @JsonProperty
  public void setRefreshInterval(Duration refreshInterval) {
    this.refreshInterval = refreshInterval;
  }

  @JsonProperty
  public Duration getFetchTimeout() {
    return fetchTimeout;
  }

  @JsonProperty
  public void setFetchTimeout(Duration fetchTimeout) {
    this.fetchTimeout = fetchTimeout;
  }

  /** Whether an Unleash server is configured (otherwise the embedded bootstrap is the source). */
  public boolean hasServer() {
    return serverUrl != null;
  }

  @ValidationMethod(message = "apiToken is required when serverUrl is set, and only then")
  public boolean isTokenWithServer() {
    return (serverUrl == null) == (apiToken == null || apiToken.isEmpty());
  }

  @ValidationMethod(message = "serverUrl must be an absolute http or https URL")
  public boolean isServerUrlHttp() {
    return serverUrl == null
        || ("http".equals(serverUrl.getScheme()) || "https".equals(serverUrl.getScheme())) && serverUrl.getHost() != null;
  }
}
