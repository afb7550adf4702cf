package io.leadbridge;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.leadbridge.apilimits.ApiLimitsConfiguration;
import io.leadbridge.connectors.ConnectorsConfiguration;
import io.leadbridge.credentials.KeysConfiguration;
import io.leadbridge.delivery.DeliveryConfiguration;
import io.leadbridge.integrations.IntegrationsConfiguration;
import io.leadbridge.leads.LeadsConfiguration;
import io.leadbridge.rollout.RolloutConfiguration;
import io.leadbridge.storage.StorageConfiguration;
import io.leadbridge.web.WebConfiguration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * The hub's configuration file, validated at start-up; not thread-safe (built once, then read).
 *
 * <p>Defaults are safe for a laptop: the admin connector listens on 127.0.0.1 only and Jersey's
 * default exception mappers are replaced by the hub's single problem+json mapper.
 */
public class LeadbridgeConfiguration extends Configuration {

  /** Production unless stated: development shortcuts must be asked for. */
  @NotNull private Profile profile = Profile.PRODUCTION;

  @Valid @NotNull private StorageConfiguration storage = new StorageConfiguration();

  @Valid @NotNull private KeysConfiguration keys = new KeysConfiguration();

  @Valid @NotNull private IntegrationsConfiguration integrations = new IntegrationsConfiguration();

  @Valid @NotNull private WebConfiguration web = new WebConfiguration();

  @Valid @NotNull private ConnectorsConfiguration connectors = new ConnectorsConfiguration();

  @Valid @NotNull private RolloutConfiguration rollout = new RolloutConfiguration();

  @Valid @NotNull private DeliveryConfiguration delivery = new DeliveryConfiguration();

  @Valid @NotNull private ApiLimitsConfiguration apiLimits = new ApiLimitsConfiguration();

  @Valid @NotNull private LeadsConfiguration leads = new LeadsConfiguration();

  /** Sets the defaults that keep the admin port private and errors uniform. */
  public LeadbridgeConfiguration() {
    DefaultServerFactory server = new DefaultServerFactory();
    HttpConnectorFactory admin = new HttpConnectorFactory();
    admin.setBindHost("127.0.0.1");
    admin.setPort(8081);
    server.setAdminConnectors(List.of(admin));
    server.setRegisterDefaultExceptionMappers(false);
    setServerFactory(server);
  }

  @JsonProperty("storage")
  public StorageConfiguration getStorage() {
    return storage;
  }

  @JsonProperty("storage")
  public void setStorage(StorageConfiguration storage) {
    this.storage = storage;
  }

  @JsonProperty("profile")
  public Profile getProfile() {
    return profile;
  }

  @JsonProperty("profile")
  public void setProfile(Profile profile) {
    this.profile = profile;
  }

  @JsonProperty("keys")
  public KeysConfiguration getKeys() {
    return keys;
  }

  @JsonProperty("keys")
  public void setKeys(KeysConfiguration keys) {
    this.keys = keys;
  }

  @JsonProperty("integrations")
  public IntegrationsConfiguration getIntegrations() {
    return integrations;
  }

  @JsonProperty("integrations")
  public void setIntegrations(IntegrationsConfiguration integrations) {
    this.integrations = integrations;
  }

  @JsonProperty("leads")
  public LeadsConfiguration getLeads() {
    return leads;
  }

  @JsonProperty("leads")
  public void setLeads(LeadsConfiguration leads) {
    this.leads = leads;
  }

  @JsonProperty("web")
  public WebConfiguration getWeb() {
    return web;
  }

  @JsonProperty("web")
  public void setWeb(WebConfiguration web) {
    this.web = web;
  }

  @JsonProperty("connectors")
  public ConnectorsConfiguration getConnectors() {
    return connectors;
  }

  @JsonProperty("connectors")
  public void setConnectors(ConnectorsConfiguration connectors) {
    this.connectors = connectors;
  }

  @JsonProperty("rollout")
  public RolloutConfiguration getRollout() {
    return rollout;
  }

  @JsonProperty("rollout")
  public void setRollout(RolloutConfiguration rollout) {
    this.rollout = rollout;
  }

  @JsonProperty("delivery")
  public DeliveryConfiguration getDelivery() {
    return delivery;
  }

  @JsonProperty("delivery")
  public void setDelivery(DeliveryConfiguration delivery) {
    this.delivery = delivery;
  }

  @JsonProperty("apiLimits")
  public ApiLimitsConfiguration getApiLimits() {
    return apiLimits;
  }

  @JsonProperty("apiLimits")
  public void setApiLimits(ApiLimitsConfiguration apiLimits) {
    this.apiLimits = apiLimits;
  }

  /** The JDBC settings, for code that only needs the database. */
  public DataSourceFactory database() {
    return storage.getDatabase();
  }
}
