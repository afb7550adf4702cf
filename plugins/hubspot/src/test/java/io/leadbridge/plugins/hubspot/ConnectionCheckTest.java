package io.leadbridge.plugins.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.connector.api.CheckResult;
import io.leadbridge.connector.api.testing.FakeConnectorContext;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tests the connection check against the simulator: the token, the id properties and the time
 * zone, with details a tenant can act on and without writing anything. Each test runs confined
 * to one JUnit thread.
 */
class ConnectionCheckTest {

    private final SimulatedPortal portal = new SimulatedPortal(builder -> builder.timeZone(ZoneId.of("America/Chicago")));
    private final HubSpotConnector connector = new HubSpotConnector();

    @AfterEach
    void closePortal() {
        portal.close();
    }

    private FakeConnectorContext.Builder chicago() {
        return portal.context().setting("portalTimeZone", "America/Chicago");
    }

    @Test
    void passesWithAWorkingTokenAndUniqueIdPropertiesAndWritesNothing() {
        CheckResult result = connector.check(chicago().setting("createDeal", "true").build());

        assertThat(result).isEqualTo(CheckResult.success("Connected to HubSpot portal 1234567: the access token works,"
                + " today's API usage is 1 of 250000; contacts are keyed by the unique property leadbridge_lead_id; deals"
                + " are keyed by the unique property leadbridge_lead_id").withAccount("portal:1234567"));
        assertThat(portal.sim.contacts()).isEmpty();
        assertThat(portal.sim.deals()).isEmpty();
    }

    @Test
    void failsOnARefusedToken() {
        portal.sim.revokeToken(SimulatedPortal.TOKEN);

        CheckResult result = connector.check(chicago().build());

        assertThat(result.ok()).isFalse();
        assertThat(result.detail()).startsWith("HubSpot refused the access token: 401 INVALID_AUTHENTICATION - "
                + "Authentication credentials not found.");
    }

    @Test
    void failsOnAnIdPropertyThatIsNotUniqueOrDoesNotExist() {
        CheckResult notUnique = connector.check(chicago().setting("idProperty", "firstname").build());
        CheckResult missing = connector.check(chicago().setting("idProperty", "lead_ref").build());

        assertThat(notUnique.ok()).isFalse();
        assertThat(notUnique.detail()).startsWith("idProperty 'firstname' is not a unique HubSpot contacts property:"
                + " Unable to perform update/upsert by non-unique 0-1 property firstname in portal ID 1234567");
        assertThat(missing.detail()).startsWith("idProperty 'lead_ref' is not a unique HubSpot contacts property:"
                + " Property \"lead_ref\" does not exist");
    }

    @Test
    void emailNeedsNoPropertyCheck() {
        FakeConnectorContext context = chicago().setting("idProperty", "email").build();

        assertThat(connector.check(context).ok()).isTrue();
        assertThat(context.requests()).extracting(r -> r.path())
                .containsExactly("/account-info/v3/api-usage/daily/private-apps", "/account-info/v3/details");
    }

    @Test
    void aPortalThatCannotBeReadStillPassesButNamesNoAccount() {
        // The check reads the usage first, then the details: every second request fails.
        portal.sim.chaos().failEveryNth(2).failureStatuses(500);

        CheckResult result = connector.check(chicago().setting("idProperty", "email").build());

        assertThat(result.ok()).isTrue();
        assertThat(result.account()).isEmpty();
        assertThat(result.detail()).startsWith("Connected to HubSpot: the access token works");
    }

    @Test
    void failsWhenTheTimeZoneSettingDisagreesWithTheAccount() {
        CheckResult utc = connector.check(portal.context().build());
        CheckResult unknown = connector.check(portal.context().setting("portalTimeZone", "Mars/Olympus").build());

        assertThat(utc).isEqualTo(CheckResult.failure("portalTimeZone UTC does not match the HubSpot account, whose daily"
                + " limit resets at 2026-03-11T05:00:00Z; set the account's time zone"));
        assertThat(unknown).isEqualTo(CheckResult.failure(
                "portalTimeZone 'Mars/Olympus' is not a time zone id such as America/Chicago"));
    }

    @Test
    void failsWhenHubSpotCannotBeReached() {
        FakeConnectorContext context = chicago().build();
        portal.close();

        CheckResult result = connector.check(context);

        assertThat(result.ok()).isFalse();
        assertThat(result.detail()).startsWith("HubSpot could not be reached: GET /account-info/v3/api-usage/daily/"
                + "private-apps failed");
    }
}
