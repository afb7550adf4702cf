package io.leadbridge.testing;

/**
 * The Java source of a small {@code CrmConnector} for plugin jars built during tests: a valid
 * descriptor (one secret credential field {@code apiKey}, one settings field {@code region}), a
 * passing check, and a deliver that answers {@code delivered("<id>-<version>-<lead id>")} per
 * record; each part can be replaced to make the connector misbehave. Not thread-safe (a builder).
 */
public final class ConnectorSource {

  private final String id;
  private final String version;
  private final String packageName;
  private String imports = "";
  private String members = "";
  private String staticInit = "";
  private String constructor = "";
  private String descriptorBody;
  private String checkBody = "return CheckResult.success(\"reached \" + context.settings().get(\"region\"));";
  private String deliverBody;

  private ConnectorSource(String id, String version) {
    this.id = id;
    this.version = version;
    this.packageName = "com.example." + id.replace('-', '_');
    this.descriptorBody = "return " + descriptor(id, version) + ";";
    this.deliverBody = """
        List<DeliveryOutcome> outcomes = new ArrayList<>();
        for (LeadRecord lead : batch) {
          outcomes.add(DeliveryOutcome.created("%s-%s-" + lead.leadId()));
        }
        return outcomes;""".formatted(id, version);
  }

  /** A well-behaved connector with this id and version. */
  public static ConnectorSource connector(String id, String version) {
    return new ConnectorSource(id, version);
  }

  /** The builder expression of the standard descriptor, for tests that vary it. */
  public static String descriptor(String id, String version) {
    return """
        ConnectorDescriptor.builder().id("%s").displayName("Test %s").vendor("Example Inc.").pluginVersion("%s")
            .capabilities(Capability.UPSERT, Capability.BATCH)
            .credentialField(FieldSpec.builder("apiKey", "API key").secret().required().build())
            .settingsField(FieldSpec.builder("region", "Region").allowedValues("eu", "us").defaultValue("eu").build())
            .defaultBaseUrl("https://api.example.com")
            .defaultRateLimit(RateLimitProfile.of(10, Duration.ofSeconds(1)))
            .maxBatchSize(10)
            .build()""".formatted(id, id, version);
  }

  public String id() {
    return id;
  }

  public String version() {
    return version;
  }

  /** The connector class's fully qualified name. */
  public String className() {
    return packageName + ".TestConnector";
  }

  /** The package plugin classes of this connector live in. */
  public String packageName() {
    return packageName;
  }

  /** Extra import lines. */
  public ConnectorSource imports(String lines) {
    this.imports = lines;
    return this;
  }

  /** Extra fields and methods of the connector class. */
  public ConnectorSource members(String code) {
    this.members = code;
    return this;
  }

  /** The body of a static initializer. */
  public ConnectorSource staticInit(String code) {
    this.staticInit = code;
    return this;
  }

  /** The body of the public no-argument constructor. */
  public ConnectorSource constructor(String code) {
    this.constructor = code;
    return this;
  }

  /** The body of {@code descriptor()}. */
  public ConnectorSource descriptorBody(String code) {
    this.descriptorBody = code;
    return this;
  }

  /** The body of {@code check(context)}. */
  public ConnectorSource checkBody(String code) {
    this.checkBody = code;
    return this;
  }

  /** The body of {@code deliver(batch, context)}. */
  public ConnectorSource deliverBody(String code) {
    this.deliverBody = code;
    return this;
  }

  /** The compilation unit. */
  public String java() {
    return """
        package %s;

        import io.leadbridge.connector.api.Capability;
        import io.leadbridge.connector.api.CheckResult;
        import io.leadbridge.connector.api.ConnectorContext;
        import io.leadbridge.connector.api.ConnectorDescriptor;
        import io.leadbridge.connector.api.CrmConnector;
        import io.leadbridge.connector.api.DeliveryOutcome;
        import io.leadbridge.connector.api.FieldSpec;
        import io.leadbridge.connector.api.RateLimitProfile;
        import io.leadbridge.connector.api.lead.LeadRecord;
        import java.time.Duration;
        import java.util.ArrayList;
        import java.util.List;
        %s

        @org.pf4j.Extension
        public class TestConnector implements CrmConnector {

          static {
            %s
          }

          %s

          public TestConnector() {
            %s
          }

          @Override
          public ConnectorDescriptor descriptor() {
            %s
          }

          @Override
          public CheckResult check(ConnectorContext context) {
            %s
          }

          @Override
          public List<DeliveryOutcome> deliver(List<LeadRecord> batch, ConnectorContext context) {
            %s
          }
        }
        """.formatted(packageName, imports, staticInit, members, constructor, descriptorBody, checkBody, deliverBody);
  }
}
