package io.leadbridge.plugins.adf.internal;

/**
 * The plugin's id and version, written by the build from the pom ({@code plugin.id},
 * {@code project.version}) so that the descriptor always equals the jar manifest, which the host
 * checks. Stateless and thread-safe. Generated from {@code src/main/java-templates}: edit the pom,
 * not the generated file.
 */
public final class PluginInfo {

    /** The PF4J {@code Plugin-Id} and the connector's id. */
    public static final String ID = "${plugin.id}";

    /** The PF4J {@code Plugin-Version} and the descriptor's plugin version. */
    public static final String VERSION = "${project.version}";

    private PluginInfo() {
    }
}
