package com.bharatbuild.ai;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ModelController {

  private final ModelGateway gateway;

  ModelController(ModelGateway gateway) {
    this.gateway = gateway;
  }

  /** The configured models, the default first; the offline demo model says so. */
  @GetMapping("/api/v1/ai/models")
  List<ModelInfo> listModels() {
    return gateway.models();
  }
}
