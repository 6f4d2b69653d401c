package com.bharatbuild.execution.kubernetes;

import com.bharatbuild.shared.jobs.JobLocks;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cluster connection, only with {@code bharatbuild.execution.sandbox=kubernetes}: other
 * installs never look for a cluster.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bharatbuild.execution.sandbox", havingValue = "kubernetes")
@EnableConfigurationProperties(KubernetesProperties.class)
public class KubernetesConfiguration {

  @Bean(destroyMethod = "close")
  KubernetesClient kubernetesClient() {
    return new KubernetesClientBuilder().build();
  }

  @Bean
  WorkspacePods workspacePods(KubernetesClient client, KubernetesProperties settings, Clock clock) {
    return new WorkspacePods(client, settings, clock);
  }

  /** The runner, built by the execution module's configuration, which picks one runner. */
  public static KubernetesRunner runner(
      WorkspacePods pods, KubernetesProperties settings, JobLocks jobs) {
    long workspaceBytes =
        Quantity.getAmountInBytes(new Quantity(settings.workspaceSize())).longValueExact();
    return new KubernetesRunner(pods, workspaceBytes, jobs);
  }
}
