package com.bharatbuild.lifecycle;

import com.bharatbuild.projects.FileService;
import com.bharatbuild.shared.config.DataDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class HistoryConfiguration {

  @Bean
  GitThreads gitThreads(DataDirectory data) {
    return new GitThreads(data.resolve("history"));
  }

  @Bean
  ProjectHistory projectHistory(DataDirectory data, FileService files, GitThreads git) {
    return new ProjectHistory(data, files, git);
  }
}
