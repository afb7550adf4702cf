package io.leadbridge.flags;

import java.net.URI;
import java.util.Objects;

/**
 * The inputs of one {@code flags sync} run, as any command line collects them. Immutable and
 * thread-safe; {@link #toString()} masks the token so the request can be logged.
 *
 * @param serverUrl Unleash server address, e.g. {@code http://127.0.0.1:4242}
 * @param adminToken Admin API token (a secret)
 * @param project Unleash project, usually {@value #DEFAULT_PROJECT}
 * @param environment Unleash environment, usually {@value #DEFAULT_ENVIRONMENT}
 * @param dryRun only show the plan
 * @param prune archive flags that exist only on the server
 */
public record FlagSyncRequest(
    URI serverUrl, String adminToken, String project, String environment, boolean dryRun, boolean prune) {

  public static final String DEFAULT_PROJECT = "default";
  public static final String DEFAULT_ENVIRONMENT = "development";

  public FlagSyncRequest {
    Objects.requireNonNull(serverUrl, "serverUrl");
    project = project == null || project.isBlank() ? DEFAULT_PROJECT : project;
    environment = environment == null || environment.isBlank() ? DEFAULT_ENVIRONMENT : environment;
  }

  @Override
  public String toString() {
    return "FlagSyncRequest[serverUrl=" + serverUrl + ", adminToken=****, project=" + project
        + ", environment=" + environment + ", dryRun=" + dryRun + ", prune=" + prune + "]";
  }
}
