package io.leadbridge.apilimits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.leadbridge.LeadbridgeConfiguration;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code apiLimits} section: on by default with a minute's window, every bad value refused by name. */
class ApiLimitsConfigurationTest {

  /** Reads files as the application does: an unknown key is an error. */
  private final YamlConfigurationFactory<LeadbridgeConfiguration> factory = new YamlConfigurationFactory<>(
      LeadbridgeConfiguration.class, Validators.newValidator(),
      Jackson.newObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES), "dw");

  @Test
  void aFileWithoutTheSectionLimitsWritesAndChecksMoreThanReads() throws Exception {
    ApiLimitsConfiguration limits = parse("");

    assertThat(limits.isEnabled()).isTrue();
    assertThat(limits.getWindow().toSeconds()).isEqualTo(60);
    for (ApiLimitsConfiguration.Budget budget : new ApiLimitsConfiguration.Budget[] {limits.getTenant(), limits.getOperator()}) {
      assertThat(budget.getReadsPerWindow()).isEqualTo(1200);
      assertThat(budget.getWritesPerWindow()).isEqualTo(600);
      assertThat(budget.getChecksPerWindow()).isEqualTo(10);
    }
  }

  @Test
  void aPartialSectionKeepsTheOtherDefaults() throws Exception {
    ApiLimitsConfiguration limits = parse("apiLimits:\n  window: 10 seconds\n  tenant:\n    writesPerWindow: 50\n");

    assertThat(limits.getWindow().toSeconds()).isEqualTo(10);
    assertThat(limits.getTenant().getWritesPerWindow()).isEqualTo(50);
    assertThat(limits.getTenant().getReadsPerWindow()).isEqualTo(1200);
    assertThat(limits.getOperator().getWritesPerWindow()).isEqualTo(600);
  }

  @Test
  void limitsCanBeSwitchedOff() throws Exception {
    assertThat(parse("apiLimits:\n  enabled: false\n").isEnabled()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "window: 500ms | apiLimits.window",
      "window: 1500ms | apiLimits.window must be a whole number of seconds",
      "window: 2 days | apiLimits.window",
      "tenant: {readsPerWindow: 0} | apiLimits.tenant.readsPerWindow",
      "tenant: {writesPerWindow: -1} | apiLimits.tenant.writesPerWindow",
      "operator: {checksPerWindow: 100000001} | apiLimits.operator.checksPerWindow",
      "tenant: null | apiLimits.tenant",
  })
  void valuesOutOfRangeAreRefusedNamingTheKey(String setting, String named) {
    assertThatThrownBy(() -> parse("apiLimits:\n  " + setting + "\n"))
        .isInstanceOf(ConfigurationValidationException.class).hasMessageContaining(named);
  }

  @Test
  void anUnknownKeyOrAWindowWithoutUnitIsRefused() {
    assertThatThrownBy(() -> parse("apiLimits:\n  writesPerMinute: 10\n"))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("writesPerMinute");
    assertThatThrownBy(() -> parse("apiLimits:\n  window: 60\n"))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("window");
  }

  private ApiLimitsConfiguration parse(String section) throws Exception {
    String yaml = """
        storage:
          database:
            driverClass: org.h2.Driver
            url: jdbc:h2:mem:config
        """ + section;
    return factory.build(path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "inline.yml")
        .getApiLimits();
  }
}
