package io.leadbridge.connector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Tests field declarations, value validation and typed settings. Each test runs confined to one JUnit thread. */
class FieldSpecAndSettingsTest {

    private final List<FieldSpec> fields = Fixtures.descriptor().build().settingsFields();

    @Test
    void aSecretFieldHasNoDefaultAndNoAllowedValues() {
        assertThatThrownBy(() -> FieldSpec.builder("token", "Token").secret().defaultValue("pat-123").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret");
        assertThatThrownBy(() -> FieldSpec.builder("token", "Token").secret().allowedValues("a", "b").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret");
    }

    @Test
    void onlyASecretFieldIsMultiLineAndTheFlagIsPartOfItsIdentity() {
        FieldSpec pem = FieldSpec.builder("privateKey", "Private key").secret().required().multiline().build();
        FieldSpec token = FieldSpec.builder("privateKey", "Private key").secret().required().build();

        assertThat(pem.multiline()).isTrue();
        assertThat(token.multiline()).isFalse();
        assertThat(pem).isNotEqualTo(token);
        assertThat(pem.toString()).contains("multiline");
        assertThatThrownBy(() -> FieldSpec.builder("notes", "Notes").multiline().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only a secret field is multi-line");
    }

    @Test
    void rejectsInconsistentDeclarations() {
        assertThatThrownBy(() -> FieldSpec.builder("region", "Region").required().defaultValue("eu").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldSpec.builder("region", "Region").pattern("[a-z]{2}").defaultValue("EU1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("default value");
        assertThatThrownBy(() -> FieldSpec.builder("region", "Region").pattern("[").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid pattern");
        assertThatThrownBy(() -> FieldSpec.builder("region", "Region").allowedValues("eu", "eu"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldSpec.builder("1region", "Region").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void validatesValuesWithoutQuotingThem() {
        FieldSpec token = FieldSpec.builder("token", "Token").secret().required().pattern("pat-[a-z0-9-]+").build();
        FieldSpec count = FieldSpec.builder("count", "Count").type(FieldSpec.Type.INTEGER).build();
        FieldSpec flag = FieldSpec.builder("flag", "Flag").type(FieldSpec.Type.BOOLEAN).build();
        FieldSpec stage = FieldSpec.builder("stage", "Stage").allowedValues("new", "won").build();

        assertThat(token.validate(null)).contains("is required");
        assertThat(token.validate("  ")).contains("is required");
        assertThat(token.validate("SECRET-VALUE")).hasValueSatisfying(problem ->
                assertThat(problem).isEqualTo("does not have the expected format").doesNotContain("SECRET"));
        assertThat(token.validate("pat-na1-abc")).isEmpty();
        assertThat(count.validate("12x")).contains("must be a whole number");
        assertThat(count.validate("-42")).isEmpty();
        assertThat(flag.validate("yes")).contains("must be true or false");
        assertThat(stage.validate("lost")).contains("must be one of new, won");
        assertThat(count.validate(null)).isEmpty();
    }

    @Test
    void settingsApplyDefaultsAndReadTyped() {
        Settings settings = Settings.of(fields, Map.of("portalId", "4412"));

        assertThat(settings.getLong("portalId")).isEqualTo(4412L);
        assertThat(settings.get("idProperty")).isEqualTo("leadbridge_lead_id");
        assertThat(settings.getBoolean("createDeals")).isFalse();
        assertThat(settings.find("idProperty")).contains("leadbridge_lead_id");
        assertThat(settings).hasToString("Settings[portalId, idProperty, createDeals]");
    }

    @Test
    void settingsRejectUnknownMissingAndMalformedValues() {
        assertThatThrownBy(() -> Settings.of(fields, Map.of("portalId", "1", "other", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown settings field other");
        assertThatThrownBy(() -> Settings.of(fields, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("portalId is required");
        assertThatThrownBy(() -> Settings.of(fields, Map.of("portalId", "forty")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number");
    }

    @Test
    void readingAnUndeclaredOrMistypedFieldIsAProgrammingError() {
        Settings settings = Settings.of(fields, Map.of("portalId", "4412"));

        assertThatThrownBy(() -> settings.find("pipeline")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.getLong("idProperty")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.getBoolean("portalId")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOptionalFieldWithoutDefaultMayBeAbsent() {
        List<FieldSpec> optional = List.of(FieldSpec.builder("pipeline", "Pipeline").build());
        Settings settings = Settings.of(optional, Map.of("pipeline", " "));

        assertThat(settings.find("pipeline")).isEmpty();
        assertThatThrownBy(() -> settings.get("pipeline")).isInstanceOf(NoSuchElementException.class);
    }
}
