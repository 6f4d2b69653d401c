package com.bharatbuild;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BharatBuildApplication {

  public static void main(String[] args) {
    SpringApplication.run(BharatBuildApplication.class, args);
  }
}
