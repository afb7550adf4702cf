package io.leadbridge.plugins.hubspot.internal;

import io.leadbridge.connector.api.ConnectorContext;
import io.leadbridge.connector.api.Settings;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * An integration's HubSpot settings, read once per call from the context. Immutable and
 * thread-safe.
 *
 * @param idProperty     the unique contact property the upsert is keyed by
 * @param createDeal     whether a deal is created for each lead
 * @param dealPipeline   the deals' pipeline id
 * @param dealStage      the stage id new deals start in
 * @param dealIdProperty the unique deal property holding the lead id
 * @param portalZone     the account's time zone; UTC if the setting names no known zone
 * @param zoneProblem    why the time zone setting was not usable, if it was not
 */
public record HubSpotSettings(String idProperty, boolean createDeal, String dealPipeline, String dealStage,
        String dealIdProperty, ZoneId portalZone, Optional<String> zoneProblem) {

    /** The idProperty value that keys contacts by e-mail address. */
    public static final String EMAIL = "email";

    /**
     * @param context the call's context
     * @return the settings; an unknown time zone falls back to UTC, with a warning logged
     */
    public static HubSpotSettings of(ConnectorContext context) {
        Settings settings = context.settings();
        String zone = settings.get(HubSpotDescriptor.PORTAL_TIME_ZONE);
        ZoneId portalZone = ZoneOffset.UTC;
        Optional<String> zoneProblem = Optional.empty();
        try {
            portalZone = ZoneId.of(zone);
        } catch (DateTimeException e) {
            zoneProblem = Optional.of(HubSpotDescriptor.PORTAL_TIME_ZONE + " '" + zone
                    + "' is not a time zone id such as America/Chicago");
            context.log().warn("{}; using UTC for HubSpot's daily limit reset", zoneProblem.get());
        }
        return new HubSpotSettings(settings.get(HubSpotDescriptor.ID_PROPERTY),
                settings.getBoolean(HubSpotDescriptor.CREATE_DEAL), settings.get(HubSpotDescriptor.DEAL_PIPELINE),
                settings.get(HubSpotDescriptor.DEAL_STAGE), settings.get(HubSpotDescriptor.DEAL_ID_PROPERTY),
                portalZone, zoneProblem);
    }

    /** @return whether contacts are keyed by e-mail address rather than by lead id */
    public boolean keyedByEmail() {
        return EMAIL.equals(idProperty);
    }
}
