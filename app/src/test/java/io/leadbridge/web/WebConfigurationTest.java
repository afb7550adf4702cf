package io.leadbridge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.leadbridge.LeadbridgeConfiguration;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code web} configuration: {@code publicBaseUrl} is optional and, when set, an absolute http(s) origin. */
class WebConfigurationTest {

  private final YamlConfigurationFactory<LeadbridgeConfiguration> factory = new YamlConfigurationFactory<>(
      LeadbridgeConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");

  @Test
  void withoutAPublicBaseUrlLocationsStayRelative() throws Exception {
    assertThat(parse("web:\n  maxRequestBody: 1 MiB\n").getPublicBaseUrl()).isEmpty();
    assertThat(parse("web:\n  publicBaseUrl:\n").getPublicBaseUrl()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://api.example.com", "http://127.0.0.1:8080", "https://example.com/leadbridge/"})
  void anAbsoluteHttpUrlIsAPublicBaseUrl(String url) throws Exception {
    assertThat(parse("web:\n  publicBaseUrl: " + url + "\n").getPublicBaseUrl()).contains(URI.create(url));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v1", "api.example.com", "ftp://api.example.com", "https://api.example.com/?x=1",
      "https://api.example.com/#top", "https://user:secret@api.example.com", "https:///nohost"})
  void anythingElseIsRefusedNamingTheKey(String url) {
    assertThatThrownBy(() -> parse("web:\n  publicBaseUrl: \"" + url + "\"\n"))
        .isInstanceOf(ConfigurationValidationException.class)
        .hasMessageContaining("web.publicBaseUrl")
        .hasMessageContaining("absolute http or https URL");
  }

  private WebConfiguration parse(String webYaml) throws Exception {
    String yaml = """
        storage:
          database:
            driverClass: org.h2.Driver
            url: jdbc:h2:mem:config
        """ + webYaml;
    return factory.build(path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "inline.yml")
        .getWeb();
  }
}
