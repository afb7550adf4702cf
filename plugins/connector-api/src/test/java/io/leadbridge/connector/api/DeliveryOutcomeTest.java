package io.leadbridge.connector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadbridge.connector.api.DeliveryOutcome.Change;
import io.leadbridge.connector.api.http.RateLimitScope;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tests the outcome factories and their validation, and the check result. Each test runs confined to one JUnit thread. */
class DeliveryOutcomeTest {

    @Test
    void factoriesBuildEachOutcome() {
        assertThat(DeliveryOutcome.created("101")).isEqualTo(new DeliveryOutcome.Delivered("101", Change.CREATED));
        assertThat(DeliveryOutcome.updated("101")).isEqualTo(new DeliveryOutcome.Delivered("101", Change.UPDATED));
        assertThat(DeliveryOutcome.delivered("<m@x>", Change.UNKNOWN).change()).isEqualTo(Change.UNKNOWN);
        assertThat(DeliveryOutcome.retryable("HTTP 503")).isEqualTo(new DeliveryOutcome.Retryable("HTTP 503", Optional.empty()));
        assertThat(DeliveryOutcome.retryable("HTTP 503", Duration.ofSeconds(30)).retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(DeliveryOutcome.rateLimited(Duration.ofSeconds(10), RateLimitScope.WINDOW))
                .isEqualTo(new DeliveryOutcome.RateLimited(Duration.ofSeconds(10), RateLimitScope.WINDOW));
        assertThat(DeliveryOutcome.rejected("REQUIRED_FIELD_MISSING", "LastName missing"))
                .isEqualTo(new DeliveryOutcome.Rejected("REQUIRED_FIELD_MISSING", "LastName missing"));
        assertThat(DeliveryOutcome.authFailed("401 INVALID_AUTHENTICATION").message()).isEqualTo("401 INVALID_AUTHENTICATION");
    }

    @Test
    void outcomesAreTheSealedKinds() {
        DeliveryOutcome outcome = DeliveryOutcome.authFailed("401");

        assertThat(DeliveryOutcome.class.isSealed()).isTrue();
        assertThat(DeliveryOutcome.class.getPermittedSubclasses()).hasSize(5);
        assertThat(outcome).isInstanceOf(DeliveryOutcome.AuthFailed.class);
    }

    @Test
    void rejectsInvalidComponents() {
        assertThatThrownBy(() -> DeliveryOutcome.created(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeliveryOutcome.created("x".repeat(DeliveryOutcome.MAX_REMOTE_ID_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatNullPointerException().isThrownBy(() -> DeliveryOutcome.delivered("1", null));
        assertThatThrownBy(() -> DeliveryOutcome.retryable(""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeliveryOutcome.retryable("x", Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeliveryOutcome.rateLimited(Duration.ofSeconds(-1), RateLimitScope.DAILY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatNullPointerException().isThrownBy(() -> DeliveryOutcome.rateLimited(Duration.ZERO, null));
        assertThatThrownBy(() -> DeliveryOutcome.rejected("not a code", "m"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeliveryOutcome.authFailed(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void cutsLongTexts() {
        String longText = "v".repeat(DeliveryOutcome.MAX_TEXT_LENGTH + 100);

        assertThat(DeliveryOutcome.rejected("VALIDATION_ERROR", longText).message())
                .hasSize(DeliveryOutcome.MAX_TEXT_LENGTH);
        assertThat(DeliveryOutcome.retryable(longText).reason()).hasSize(DeliveryOutcome.MAX_TEXT_LENGTH);
        assertThat(CheckResult.failure(longText).detail()).hasSize(DeliveryOutcome.MAX_TEXT_LENGTH);
    }

    @Test
    void checkResultFactories() {
        assertThat(CheckResult.success("Connected to portal 4412")).isEqualTo(new CheckResult(true, "Connected to portal 4412"));
        assertThat(CheckResult.failure("401").ok()).isFalse();
        assertThatThrownBy(() -> CheckResult.success(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPassedCheckMayNameTheVendorAccountItsCredentialsSpend() {
        CheckResult passed = CheckResult.success("Connected to portal 4412").withAccount("portal:4412");

        assertThat(passed.account()).contains("portal:4412");
        assertThat(CheckResult.success("Connected").account()).isEmpty();
        assertThatThrownBy(() -> CheckResult.failure("401").withAccount("portal:4412"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("passed");
        for (String bad : new String[] {"", "portal 4412", "portal:\n4412", "p\u202eortal", "x".repeat(201)}) {
            assertThatThrownBy(() -> CheckResult.success("Connected").withAccount(bad))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(CheckResult.success("Connected").withAccount("x".repeat(200)).account()).isPresent();
    }
}
