package com.bharatbuild.execution.kubernetes;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Kubernetes sandbox, used with {@code bharatbuild.execution.sandbox=kubernetes}.
 * The cluster itself is found the fabric8 way: the pod's service account inside a cluster, else
 * {@code ~/.kube/config} or {@code KUBECONFIG}.
 *
 * @param namespace where workspace pods and their NetworkPolicy live; the server's account needs
 *     pods, pods/exec and networkpolicies there
 * @param image the sandbox image: it needs {@code sh}, {@code tar}, {@code setsid} and the
 *     toolchains (Node for the preview bridge and most templates, Python, a JDK)
 * @param runAsUser the unprivileged uid commands run as (the image's non-root user)
 * @param workspaceSize the most the workspace, home and {@code /tmp} may hold (emptyDir limits)
 * @param idleAfter a pod no command has used for this long is deleted
 * @param startTimeout how long to wait for a new pod to become ready
 * @param serverLabels the labels of the server's own pods, the only ones that may connect to a
 *     workspace pod (for the preview)
 * @param registries where package installs may connect; everything else but DNS is denied
 */
@ConfigurationProperties("bharatbuild.execution.kubernetes")
public record KubernetesProperties(
    @DefaultValue("bharatbuild-sandboxes") String namespace,
    @DefaultValue("node:22-bookworm") String image,
    @DefaultValue("1000") long runAsUser,
    @DefaultValue("250m") String cpuRequest,
    @DefaultValue("2") String cpuLimit,
    @DefaultValue("512Mi") String memoryRequest,
    @DefaultValue("4Gi") String memoryLimit,
    @DefaultValue("4Gi") String workspaceSize,
    @DefaultValue("30m") Duration idleAfter,
    @DefaultValue("2m") Duration startTimeout,
    @DefaultValue Map<String, String> serverLabels,
    @DefaultValue List<Registry> registries) {

  /**
   * Addresses package installs may reach. A NetworkPolicy matches addresses, not host names, so a
   * registry behind a CDN is a list of the CDN's ranges, or an egress proxy's address.
   *
   * @param cidr an address range, e.g. {@code 104.16.0.0/12}
   * @param ports TCP ports; empty means 443
   */
  public record Registry(String cidr, @DefaultValue List<Integer> ports) {

    public List<Integer> portsOrHttps() {
      return ports.isEmpty() ? List.of(443) : ports;
    }
  }

  public KubernetesProperties {
    serverLabels =
        serverLabels.isEmpty() ? Map.of("app.kubernetes.io/name", "bharatbuild") : serverLabels;
    registries = List.copyOf(registries);
  }
}
