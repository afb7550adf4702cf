package io.leadbridge.plugins.hubspot.internal;

import io.leadbridge.connector.api.Capability;
import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.FieldSpec;
import io.leadbridge.connector.api.RateLimitProfile;
import java.time.Duration;
import java.time.ZoneOffset;

/**
 * The HubSpot connector's descriptor and the names of its fields, in one place because the
 * descriptor is the complete list of what the connector reads. Stateless and thread-safe.
 */
public final class HubSpotDescriptor {

    /** Credential: the private app's access token ({@code pat-...}), sent as a bearer token. */
    public static final String ACCESS_TOKEN = "accessToken";

    /** Setting: the unique contact property the upsert is keyed by ({@code email} or a custom one). */
    public static final String ID_PROPERTY = "idProperty";

    /** Setting: whether a deal associated with the contact is created for each lead. */
    public static final String CREATE_DEAL = "createDeal";

    /** Setting: the internal id of the deals' pipeline. */
    public static final String DEAL_PIPELINE = "dealPipeline";

    /** Setting: the internal id of the stage new deals start in. */
    public static final String DEAL_STAGE = "dealStage";

    /** Setting: the unique deal property holding the lead id, which makes deal creation idempotent. */
    public static final String DEAL_ID_PROPERTY = "dealIdProperty";

    /** Setting: the HubSpot account's time zone, whose midnight resets the daily API limit. */
    public static final String PORTAL_TIME_ZONE = "portalTimeZone";

    /** The default unique property holding the Leadbridge lead id, on contacts and deals. */
    public static final String LEAD_ID_PROPERTY = "leadbridge_lead_id";

    /** The most inputs HubSpot takes in one batch request. */
    public static final int MAX_BATCH_SIZE = 100;

    private static final String PROPERTY_NAME = "[a-z][a-z0-9_]{0,99}";

    /** The descriptor: HubSpot's Free/Starter private-app limits until its headers say more. */
    public static final ConnectorDescriptor DESCRIPTOR = ConnectorDescriptor.builder()
            .id(PluginInfo.ID)
            .pluginVersion(PluginInfo.VERSION)
            .displayName("HubSpot CRM")
            .vendor("HubSpot")
            .capabilities(Capability.UPSERT, Capability.BATCH, Capability.DEALS)
            .credentialField(FieldSpec.builder(ACCESS_TOKEN, "Private app access token").secret().required()
                    .help("HubSpot: Settings > Integrations > Private apps > your app > Auth. Scopes:"
                            + " crm.objects.contacts.read and .write, and crm.objects.deals.read and .write"
                            + " when deals are on.")
                    .build())
            .settingsField(FieldSpec.builder(ID_PROPERTY, "Contact property keyed by").defaultValue(LEAD_ID_PROPERTY)
                    .pattern(PROPERTY_NAME)
                    .help("A contact property with unique values that holds the Leadbridge lead id (one contact"
                            + " per lead; create it in HubSpot first), or email (one contact per e-mail address).")
                    .build())
            .settingsField(FieldSpec.builder(CREATE_DEAL, "Create a deal for each lead").type(FieldSpec.Type.BOOLEAN)
                    .defaultValue("false").build())
            .settingsField(FieldSpec.builder(DEAL_PIPELINE, "Deal pipeline id").defaultValue("default")
                    .pattern("[A-Za-z0-9_-]{1,64}").help("The pipeline's internal id").build())
            .settingsField(FieldSpec.builder(DEAL_STAGE, "Deal stage id").defaultValue("appointmentscheduled")
                    .pattern("[A-Za-z0-9_-]{1,64}").help("The internal id of the stage new deals start in").build())
            .settingsField(FieldSpec.builder(DEAL_ID_PROPERTY, "Deal property keyed by").defaultValue(LEAD_ID_PROPERTY)
                    .pattern(PROPERTY_NAME)
                    .help("A deal property with unique values that holds the Leadbridge lead id").build())
            .settingsField(FieldSpec.builder(PORTAL_TIME_ZONE, "HubSpot account time zone").defaultValue("UTC")
                    .pattern("[A-Za-z][A-Za-z0-9_+/-]{0,63}")
                    .help("As in HubSpot: Settings > Account defaults, such as America/Chicago. HubSpot resets"
                            + " the daily API limit at its midnight.")
                    .build())
            .defaultBaseUrl("https://api.hubapi.com")
            .defaultRateLimit(RateLimitProfile.of(100, Duration.ofSeconds(10)).withDailyCap(250_000, ZoneOffset.UTC))
            .maxBatchSize(MAX_BATCH_SIZE)
            .build();

    private HubSpotDescriptor() {
    }
}
