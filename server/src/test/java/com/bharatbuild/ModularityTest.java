package com.bharatbuild;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

  private final ApplicationModules modules = ApplicationModules.of(BharatBuildApplication.class);

  @Test
  void modulesOnlyUseEachOthersPublicApi() {
    // fails when a module reaches into another's internals or two modules depend on each other
    modules.verify();
  }
}
