package com.bharatbuild.shared.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * The OpenAPI document the web client's types are generated from. Record components are required
 * unless marked {@code @Nullable}, so the generated TypeScript types are as strict as the Java
 * ones.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  private static final String BASE_PACKAGE = "com.bharatbuild";

  @Bean
  OpenAPI bharatBuildOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("BharatBuild API")
                .version("v1")
                .description("Accounts, projects and files of the BharatBuild AI code editor"))
        .components(
            new Components()
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }

  @Bean
  OpenApiCustomizer requiredRecordComponents() {
    Map<String, Class<?>> records = recordsByName();
    return openApi -> {
      if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
        return;
      }
      openApi
          .getComponents()
          .getSchemas()
          .forEach(
              (name, schema) -> {
                Class<?> type = records.get(name);
                if (type != null) {
                  markRequired(schema, type);
                }
              });
    };
  }

  private static void markRequired(Schema<?> schema, Class<?> record) {
    if (schema.getProperties() == null) {
      return;
    }
    List<String> required = new ArrayList<>();
    for (RecordComponent component : record.getRecordComponents()) {
      boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class);
      String name = propertyName(component);
      if (!nullable && schema.getProperties().containsKey(name)) {
        required.add(name);
      }
    }
    required.sort(String::compareTo);
    schema.setRequired(required.isEmpty() ? null : required);
  }

  /** The JSON name: the component's own, unless its accessor is renamed with @JsonProperty. */
  private static String propertyName(RecordComponent component) {
    JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
    return renamed == null || renamed.value().isEmpty() ? component.getName() : renamed.value();
  }

  private static Map<String, Class<?>> recordsByName() {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false) {
          @Override
          protected boolean isCandidateComponent(
              org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
            return true;
          }
        };
    scanner.addIncludeFilter(
        (reader, factory) ->
            "java.lang.Record".equals(reader.getClassMetadata().getSuperClassName()));
    Map<String, Class<?>> records = new HashMap<>();
    for (BeanDefinition definition : scanner.findCandidateComponents(BASE_PACKAGE)) {
      Class<?> type =
          ClassUtils.resolveClassName(
              definition.getBeanClassName(), OpenApiConfiguration.class.getClassLoader());
      records.putIfAbsent(type.getSimpleName(), type);
    }
    return records;
  }
}
