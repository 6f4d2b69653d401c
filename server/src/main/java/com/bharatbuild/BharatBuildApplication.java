package com.bharatbuild;

import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BharatBuildApplication {

  public static void main(String[] args) {
    SpringApplication.run(BharatBuildApplication.class, args);
    if (runsFromPackedJar()) {
      LoggerFactory.getLogger(BharatBuildApplication.class)
          .warn(
              "Running from the packed jar: its nested-jar class loading can stall virtual threads"
                  + " under load (spring-boot#51379). Start with ./bharatbuild run, or extract it"
                  + " once (java -Djarmode=tools -jar bharatbuild.jar extract) and run the"
                  + " extracted jar.");
    }
  }

  private static boolean runsFromPackedJar() {
    var source = BharatBuildApplication.class.getProtectionDomain().getCodeSource();
    String location = source == null ? "" : String.valueOf(source.getLocation());
    return location.startsWith("nested:") || location.contains("!/BOOT-INF/");
  }
}
