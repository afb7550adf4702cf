package io.leadbridge.web;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.MutableServletContextHandler;
import io.leadbridge.web.internal.BodyLimitFilter;
import io.leadbridge.web.internal.OpenApiDocumentResource;
import io.leadbridge.web.internal.OptionsResponseFilter;
import io.leadbridge.web.internal.ProbePathFilter;
import io.leadbridge.web.internal.ProblemErrorHandler;
import io.leadbridge.web.internal.ProblemExceptionMapper;
import io.leadbridge.web.internal.PublicLocationFilter;
import io.leadbridge.web.internal.ResponseHygieneFilter;
import io.leadbridge.web.internal.ServerErrorHandlerInstaller;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.glassfish.jersey.server.ServerProperties;

/**
 * Installs what every HTTP exchange gets: probe-path blocking on both ports, the body limit,
 * hygiene headers, the single problem+json exception mapper, problem+json for the errors Jetty
 * answers itself, and the OpenAPI document; stateless.
 */
public final class WebHygiene {

  private WebHygiene() {}

  /**
   * Installs the hygiene and the document of {@code apiResources} (the resource classes the app
   * registers) as published under {@code version}.
   */
  public static void install(
      Environment environment, WebConfiguration config, String version, Collection<Class<?>> apiResources) {
    ProbePathFilter probes = new ProbePathFilter(config.getProbePaths());
    add(environment.getApplicationContext(), probes);
    add(environment.getAdminContext(), probes);
    add(environment.getApplicationContext(), new ResponseHygieneFilter());
    add(environment.getApplicationContext(), new BodyLimitFilter(config.getMaxRequestBody().toBytes()));
    environment.jersey().register(new ProblemExceptionMapper());
    environment.jersey().register(new ProblemExceptionMapper.ForValidation());
    // The API is described by /openapi.json; a WADL document would be a second, unreviewed description.
    environment.jersey().property(ServerProperties.WADL_FEATURE_DISABLE, true);
    environment.jersey().register(new OptionsResponseFilter());
    // Jersey would make a relative Location absolute with the request's Host header, which the client writes.
    environment.jersey().property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);
    config.getPublicBaseUrl().ifPresent(base -> environment.jersey().register(new PublicLocationFilter(base)));
    environment.getApplicationContext().setErrorHandler(new ProblemErrorHandler());
    environment.getAdminContext().setErrorHandler(new ProblemErrorHandler());
    environment.lifecycle().addEventListener(new ServerErrorHandlerInstaller());
    environment.jersey().register(new OpenApiDocumentResource(documented(apiResources), version));
  }

  /** The OpenAPI document of these resource classes and of the document itself, as published. */
  public static String openApiDocument(Collection<Class<?>> apiResources, String version) {
    return OpenApiDocumentResource.render(documented(apiResources), version);
  }

  private static List<Class<?>> documented(Collection<Class<?>> apiResources) {
    List<Class<?>> classes = new ArrayList<>(apiResources);
    classes.add(OpenApiDocumentResource.class);
    return classes;
  }

  private static void add(MutableServletContextHandler context, Filter filter) {
    context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
  }
}
