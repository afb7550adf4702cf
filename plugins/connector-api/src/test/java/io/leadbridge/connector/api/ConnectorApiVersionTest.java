package io.leadbridge.connector.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pf4j.DefaultVersionManager;
import org.pf4j.VersionManager;

/** Tests that the API version is semantic, matches its resource file and works as a PF4J range. Each test runs confined to one JUnit thread. */
class ConnectorApiVersionTest {

    /** The regular expression suggested by semver.org for Semantic Versioning 2.0.0. */
    private static final Pattern SEMVER = Pattern.compile("^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

    @Test
    void currentIsASemanticVersion() {
        assertThat(ConnectorApiVersion.CURRENT).matches(SEMVER);
    }

    @Test
    void resourceFileHoldsTheSameVersion() throws IOException {
        try (InputStream in = ConnectorApiVersion.class.getClassLoader().getResourceAsStream(ConnectorApiVersion.RESOURCE)) {
            assertThat(in).as(ConnectorApiVersion.RESOURCE).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
                    .isEqualTo(ConnectorApiVersion.CURRENT);
        }
    }

    @Test
    void theDocumentedPluginRangeWorksWithPf4j() {
        VersionManager pf4j = new DefaultVersionManager();
        int major = Integer.parseInt(ConnectorApiVersion.CURRENT.split("\\.")[0]);
        String requires = ">=" + major + ".0.0 & <" + (major + 1) + ".0.0";

        assertThat(pf4j.checkVersionConstraint(ConnectorApiVersion.CURRENT, requires)).isTrue();
        assertThat(pf4j.checkVersionConstraint((major + 1) + ".0.0", requires)).isFalse();
        assertThat(pf4j.checkVersionConstraint((major - 1) + ".9.0", requires)).isFalse();
        assertThat(pf4j.checkVersionConstraint("1.4.2", ">=1.0.0 & <2.0.0")).isTrue();
        assertThat(pf4j.checkVersionConstraint("1.0.0", ">=1.1.0 & <2.0.0")).isFalse();
    }
}
