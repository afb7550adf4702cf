package io.leadbridge.plugins.adf.internal;

import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.FieldSpec;
import io.leadbridge.connector.api.RateLimitProfile;
import java.time.Duration;

/**
 * The ADF connector's descriptor and the names of its fields: the complete list of what the
 * connector reads. Stateless and thread-safe.
 */
public final class AdfDescriptor {

    /** Setting: the dealership's name, the document's {@code vendorname}. */
    public static final String DEALERSHIP_NAME = "dealershipName";

    /** Setting: the dealership's lead contact e-mail, in the document's vendor contact. */
    public static final String DEALERSHIP_EMAIL = "dealershipEmail";

    /** Setting: the name of the dealership's contact person or team. */
    public static final String DEALERSHIP_CONTACT = "dealershipContact";

    /** Setting: who the lead came from when the lead names no source (the document's provider). */
    public static final String PROVIDER_NAME = "providerName";

    /** Setting: the zone {@code requestdate} is written in, with its offset. */
    public static final String TIME_ZONE = "timeZone";

    /** Setting: the path of the CRM's ADF intake under the integration's base URL. */
    public static final String PATH = "path";

    /** Setting: {@code application/xml} or {@code text/xml}, as the CRM asks. */
    public static final String CONTENT_TYPE = "contentType";

    /**
     * Setting: {@code xml}, the document as the body (the default), or {@code form}, the document
     * in the form field {@code xml} with the user name and token as {@code apiuser} and {@code apikey}
     * (Calldrip's intake).
     */
    public static final String ENCODING = "encoding";

    /** Setting: the header the {@link #TOKEN} goes in; {@code Authorization} sends it as a bearer token. */
    public static final String TOKEN_HEADER = "tokenHeader";

    /** Setting: the header the {@link #SIGNING_SECRET}'s HMAC-SHA256 of the body goes in, as hex. */
    public static final String SIGNATURE_HEADER = "signatureHeader";

    /** Credential: the CRM's intake token, if it takes one. */
    public static final String TOKEN = "token";

    /** Credential: basic-auth user name, if the CRM takes basic credentials. */
    public static final String USERNAME = "username";

    /** Credential: basic-auth password. */
    public static final String PASSWORD = "password";

    /** Credential: the key of the body's HMAC-SHA256 signature, if the CRM checks one. */
    public static final String SIGNING_SECRET = "signingSecret";

    /** The most leads one deliver call takes: each is its own document and request. */
    public static final int MAX_BATCH_SIZE = 10;

    private static final String HEADER_NAME = "[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}";
    private static final String ONE_LINE = "[^\\u0000-\\u001F\\u007F-\\u009F]{1,200}";

    /** The descriptor: no default base URL, since each dealer CRM has its own intake. */
    public static final ConnectorDescriptor DESCRIPTOR = ConnectorDescriptor.builder()
            .id(PluginInfo.ID)
            .pluginVersion(PluginInfo.VERSION)
            .displayName("ADF (any dealer CRM)")
            .vendor("ADF 1.0")
            .settingsField(FieldSpec.builder(DEALERSHIP_NAME, "Dealership name").required().pattern(ONE_LINE)
                    .help("As the CRM knows the dealership; written as the document's vendorname").build())
            .settingsField(FieldSpec.builder(DEALERSHIP_EMAIL, "Dealership lead e-mail").required()
                    .pattern("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+")
                    .help("The dealership's contact address in the document (ADF requires a vendor contact)").build())
            .settingsField(FieldSpec.builder(DEALERSHIP_CONTACT, "Dealership contact").defaultValue("Internet Sales")
                    .pattern(ONE_LINE).build())
            .settingsField(FieldSpec.builder(PROVIDER_NAME, "Lead provider").defaultValue("Leadbridge")
                    .pattern(ONE_LINE).help("The document's provider when a lead names no source").build())
            .settingsField(FieldSpec.builder(TIME_ZONE, "Time zone of requestdate").defaultValue("UTC")
                    .pattern("[A-Za-z][A-Za-z0-9_+/-]{0,63}").help("Such as America/Chicago").build())
            .settingsField(FieldSpec.builder(PATH, "Intake path").defaultValue("/")
                    .pattern("/[A-Za-z0-9._~!$&'()*+,;=:@%/-]{0,500}")
                    .help("The path of the CRM's ADF intake under the base URL").build())
            .settingsField(FieldSpec.builder(CONTENT_TYPE, "Content type").defaultValue("application/xml")
                    .allowedValues("application/xml", "text/xml").build())
            .settingsField(FieldSpec.builder(ENCODING, "Body").defaultValue("xml").allowedValues("xml", "form")
                    .help("xml: the document is the body; form: the document in the field xml, with apiuser and"
                            + " apikey fields from the user name and token")
                    .build())
            .settingsField(FieldSpec.builder(TOKEN_HEADER, "Token header").defaultValue("X-Adf-Token")
                    .pattern(HEADER_NAME)
                    .help("With Authorization, the token is sent in the OAuth style: the word Bearer, then the token")
                    .build())
            .settingsField(FieldSpec.builder(SIGNATURE_HEADER, "Signature header").defaultValue("X-Adf-Signature")
                    .pattern(HEADER_NAME).build())
            .credentialField(FieldSpec.builder(TOKEN, "Intake token").secret()
                    .help("If the CRM's intake takes a token").build())
            .credentialField(FieldSpec.builder(USERNAME, "User name").secret()
                    .help("If the CRM's intake asks for a user name and password").build())
            .credentialField(FieldSpec.builder(PASSWORD, "Password").secret().build())
            .credentialField(FieldSpec.builder(SIGNING_SECRET, "Signing secret").secret()
                    .help("If the CRM checks an HMAC-SHA256 signature of each document").build())
            .defaultRateLimit(RateLimitProfile.of(5, Duration.ofSeconds(1)))
            .maxBatchSize(MAX_BATCH_SIZE)
            .build();

    private AdfDescriptor() {
    }
}
