package com.bharatbuild.execution.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.support.MutableClock;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against fabric8's mock API server in CRUD mode: it stores objects but runs no containers. */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesWorkspacePodsTest {

  // the mock server's store outlives a test, so each test has a namespace of its own
  private final String namespace = "sandboxes-" + UUID.randomUUID().toString().substring(0, 8);

  KubernetesClient client;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
  private WorkspacePods pods;

  @BeforeEach
  void setUp() {
    KubernetesProperties settings =
        new KubernetesProperties(
            namespace,
            "registry.example/sandbox:1",
            1000,
            "250m",
            "2",
            "512Mi",
            "4Gi",
            "4Gi",
            Duration.ofMinutes(30),
            Duration.ofSeconds(5),
            Map.of(),
            List.of(
                new KubernetesProperties.Registry("104.16.0.0/12", List.of()),
                new KubernetesProperties.Registry("151.101.0.0/16", List.of(443, 80))));
    pods = new WorkspacePods(client, settings, clock);
  }

  @Test
  void aWorkspacePodIsLockedDown() {
    UUID project = UUID.randomUUID();

    String name = pods.ensure(project);

    Pod pod = client.pods().inNamespace(namespace).withName(name).get();
    assertThat(pod.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/managed-by", "bharatbuild")
        .containsEntry("bharatbuild.dev/project", project.toString());
    assertThat(pod.getSpec().getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getSpec().getEnableServiceLinks()).isFalse();
    assertThat(pod.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSpec().getSecurityContext().getRunAsUser()).isEqualTo(1000L);
    assertThat(pod.getSpec().getSecurityContext().getSeccompProfile().getType())
        .isEqualTo("RuntimeDefault");
    Container container = pod.getSpec().getContainers().getFirst();
    assertThat(container.getImage()).isEqualTo("registry.example/sandbox:1");
    assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getSecurityContext().getPrivileged()).isFalse();
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(container.getResources().getLimits())
        .containsEntry("cpu", new Quantity("2"))
        .containsEntry("memory", new Quantity("4Gi"))
        .containsEntry("ephemeral-storage", new Quantity("4Gi"));
    assertThat(container.getResources().getRequests())
        .containsEntry("cpu", new Quantity("250m"))
        .containsEntry("memory", new Quantity("512Mi"));
    assertThat(container.getVolumeMounts())
        .extracting(mount -> mount.getMountPath())
        .containsExactlyInAnyOrder("/workspace", "/home/sandbox", "/run/bharatbuild", "/tmp");
    assertThat(pod.getSpec().getVolumes())
        .allSatisfy(volume -> assertThat(volume.getEmptyDir().getSizeLimit()).isNotNull());
  }

  @Test
  void theNamespaceAllowsEgressOnlyToDnsAndTheRegistries() {
    pods.ensure(UUID.randomUUID());

    NetworkPolicy policy =
        client
            .network()
            .v1()
            .networkPolicies()
            .inNamespace(namespace)
            .withName("bharatbuild-sandboxes")
            .get();

    assertThat(policy.getSpec().getPodSelector().getMatchLabels())
        .containsEntry("app.kubernetes.io/managed-by", "bharatbuild");
    assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
    List<NetworkPolicyEgressRule> egress = policy.getSpec().getEgress();
    assertThat(egress).hasSize(3);
    assertThat(egress.getFirst().getTo()).isEmpty();
    assertThat(egress.getFirst().getPorts())
        .allSatisfy(port -> assertThat(port.getPort().getIntVal()).isEqualTo(53));
    assertThat(egress.get(1).getTo().getFirst().getIpBlock().getCidr()).isEqualTo("104.16.0.0/12");
    assertThat(egress.get(1).getPorts())
        .extracting(port -> port.getPort().getIntVal())
        .containsExactly(443);
    assertThat(egress.get(2).getPorts())
        .extracting(port -> port.getPort().getIntVal())
        .containsExactly(443, 80);
    assertThat(
            policy
                .getSpec()
                .getIngress()
                .getFirst()
                .getFrom()
                .getFirst()
                .getPodSelector()
                .getMatchLabels())
        .containsEntry("app.kubernetes.io/name", "bharatbuild");
  }

  @Test
  void theSameWorkspaceReusesItsPod() {
    UUID project = UUID.randomUUID();
    String first = pods.ensure(project);
    clock.advance(Duration.ofMinutes(5));

    String second = pods.ensure(project);

    assertThat(second).isEqualTo(first);
    assertThat(pods.managedPods()).hasSize(1);
    assertThat(lastUsed(second)).isEqualTo(clock.instant());
  }

  @Test
  void anEndedPodIsReplaced() {
    UUID project = UUID.randomUUID();
    String name = pods.ensure(project);
    Pod failed =
        new PodBuilder(client.pods().inNamespace(namespace).withName(name).get())
            .withNewStatus()
            .withPhase("Failed")
            .endStatus()
            .build();
    client.pods().inNamespace(namespace).resource(failed).updateStatus();

    pods.ensure(project);

    Pod replaced = client.pods().inNamespace(namespace).withName(name).get();
    assertThat(replaced.getStatus() == null ? null : replaced.getStatus().getPhase())
        .isNotEqualTo("Failed");
  }

  @Test
  void idlePodsAreReapedAndBusyOnesKept() {
    String idle = pods.ensure(UUID.randomUUID());
    clock.advance(Duration.ofMinutes(20));
    String recent = pods.ensure(UUID.randomUUID());
    String busy = pods.ensure(UUID.randomUUID());
    clock.advance(Duration.ofMinutes(11));

    List<String> reaped = pods.reapIdle(Set.of(busy));

    assertThat(reaped).containsExactly(idle);
    assertThat(pods.managedPods())
        .extracting(pod -> pod.getMetadata().getName())
        .containsExactlyInAnyOrder(recent, busy);
    assertThat(lastUsed(busy)).isEqualTo(clock.instant());

    // once the command ended, the busy pod's idle time counts from the last reaping
    clock.advance(Duration.ofMinutes(20));
    assertThat(pods.reapIdle(Set.of())).containsExactly(recent);
  }

  private Instant lastUsed(String name) {
    return Instant.parse(
        client
            .pods()
            .inNamespace(namespace)
            .withName(name)
            .get()
            .getMetadata()
            .getAnnotations()
            .get("bharatbuild.dev/last-used"));
  }
}
