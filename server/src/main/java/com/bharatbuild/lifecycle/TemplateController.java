package com.bharatbuild.lifecycle;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The starter templates a project can be created from. */
@RestController
class TemplateController {

  private final TemplateCatalog catalog;

  TemplateController(TemplateCatalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping("/api/v1/templates")
  List<TemplateView> listTemplates() {
    return catalog.list();
  }
}
