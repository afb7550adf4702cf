package io.leadbridge.connector.api;

/**
 * The semantic version of this connector API, so that the host can refuse a plugin built for an
 * incompatible one. Stateless and thread-safe.
 *
 * <p>This file is generated: the build writes it from {@code src/main/java-templates} with the
 * value of the pom property {@code connector.api.version}, the single source of truth, which it
 * also writes into the class-path resource {@value #RESOURCE}. Edit the pom property, never the
 * generated file.
 *
 * <h2>How the version is enforced</h2>
 * <ul>
 *   <li>A plugin declares the range of API versions it works with in its jar manifest (or
 *       {@code plugin.properties} as {@code plugin.requires}):
 *       <pre>{@code Plugin-Requires: >=1.0.0 & <2.0.0}</pre>
 *       The lower bound is the minor version that introduced the newest API element the plugin
 *       uses; the upper bound is the next major version. Always write both bounds: PF4J reads a
 *       bare {@code 1.0.0} as {@code >=1.0.0}, which would also accept an incompatible 2.0.0.</li>
 *   <li>The host calls {@code pluginManager.setSystemVersion(ConnectorApiVersion.CURRENT)} before
 *       loading plugins, so PF4J refuses a plugin whose {@code Plugin-Requires} does not include
 *       {@link #CURRENT}.</li>
 * </ul>
 * What counts as a breaking change is set out in the compatibility policy of the
 * {@linkplain io.leadbridge.connector.api package documentation}.
 */
public final class ConnectorApiVersion {

    /** This API's version, {@code MAJOR.MINOR.PATCH} as defined by Semantic Versioning 2.0.0. */
    public static final String CURRENT = "${connector.api.version}";

    /** Class-path resource that holds {@link #CURRENT} as its only line, for tools that read jars. */
    public static final String RESOURCE = "META-INF/leadbridge/connector-api.version";

    private ConnectorApiVersion() {
    }
}
