package com.bharatbuild.shared.web;

import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the bundled web client: real files as they are, and {@code index.html} for the client's
 * own routes (such as {@code /projects/42}) so a reload or a shared link works. API, actuator and
 * OpenAPI paths never fall back, so an unknown API route stays a 404 problem.
 */
@Configuration
public class SinglePageAppConfiguration implements WebMvcConfigurer {

  private static final Resource INDEX = new ClassPathResource("static/index.html");

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler("/**")
        .addResourceLocations("classpath:/static/")
        .resourceChain(true)
        .addResolver(new ClientRouteResolver());
  }

  private static final class ClientRouteResolver extends PathResourceResolver {
    @Override
    protected @Nullable Resource getResource(String path, Resource location) throws IOException {
      Resource file = super.getResource(path, location);
      if (file != null) {
        return file;
      }
      boolean serverPath =
          path.startsWith("api/") || path.startsWith("actuator") || path.startsWith("v3/");
      boolean looksLikeFile = path.substring(path.lastIndexOf('/') + 1).contains(".");
      return serverPath || looksLikeFile || !INDEX.exists() ? null : INDEX;
    }
  }
}
