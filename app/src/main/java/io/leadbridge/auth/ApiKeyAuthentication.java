package io.leadbridge.auth;

import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.leadbridge.auth.internal.ApiKeyAuthenticator;
import io.leadbridge.auth.internal.BearerKeyAuthFilter;
import io.leadbridge.auth.internal.EmptyUnauthorizedHandler;
import io.leadbridge.auth.internal.OptionsAuthFilter;
import io.leadbridge.auth.internal.RoleAuthorizer;
import io.leadbridge.auth.internal.RoleCheckFeature;

/** Installs API-key authentication and role checks into Jersey; stateless. */
public final class ApiKeyAuthentication {

  static final String REALM = "leadbridge";

  private ApiKeyAuthentication() {}

  /**
   * Every resource method with {@code @RolesAllowed} then requires a key of one of its roles, and
   * {@code OPTIONS} on {@code /v1} a valid key of any role.
   */
  public static void install(JerseyEnvironment jersey, ApiKeyStore store) {
    BearerKeyAuthFilter filter =
        new BearerKeyAuthFilter.Builder()
            .setAuthenticator(new ApiKeyAuthenticator(store))
            .setAuthorizer(new RoleAuthorizer())
            .setUnauthorizedHandler(new EmptyUnauthorizedHandler())
            .setPrefix("Bearer")
            .setRealm(REALM)
            .buildAuthFilter();
    jersey.register(new AuthDynamicFeature(filter));
    jersey.register(new OptionsAuthFilter(filter));
    jersey.register(new RoleCheckFeature());
    jersey.register(new AuthValueFactoryProvider.Binder<>(Caller.class));
  }
}
