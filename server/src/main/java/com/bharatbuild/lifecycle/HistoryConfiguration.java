package com.bharatbuild.lifecycle;

import com.bharatbuild.projects.FileService;
import com.bharatbuild.shared.config.DataDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class HistoryConfiguration {

  @Bean
  ProjectHistory projectHistory(DataDirectory data, FileService files) {
    return new ProjectHistory(data, files);
  }
}
