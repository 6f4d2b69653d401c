package com.bharatbuild.execution.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.fabric8.kubernetes.client.readiness.Readiness;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, finds and deletes the pods workspaces run in, and the NetworkPolicy that fences them.
 * When a pod was last used is kept on the pod itself, so every server instance reaps by the same
 * record.
 */
public final class WorkspacePods {

  static final String CONTAINER = "sandbox";
  static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  static final String MANAGER = "bharatbuild";
  static final String PROJECT = "bharatbuild.dev/project";
  static final String LAST_USED = "bharatbuild.dev/last-used";
  static final String POLICY = "bharatbuild-sandboxes";

  private static final Logger log = LoggerFactory.getLogger(WorkspacePods.class);

  private final KubernetesClient client;
  private final KubernetesProperties settings;
  private final Clock clock;
  private final AtomicBoolean policyApplied = new AtomicBoolean();

  public WorkspacePods(KubernetesClient client, KubernetesProperties settings, Clock clock) {
    this.client = client;
    this.settings = settings;
    this.clock = clock;
  }

  static String podName(UUID projectId) {
    return "bb-" + projectId;
  }

  /** The project's pod, created if it has none or its old one ended; not yet necessarily ready. */
  public String ensure(UUID projectId) {
    ensureNetworkPolicy();
    String name = podName(projectId);
    Pod existing = pod(name).get();
    if (existing != null && !usable(existing)) {
      // a pod that ended (evicted, out of memory) is replaced; its files are on the server
      pod(name).withGracePeriod(0).delete();
      pod(name).waitUntilCondition(gone -> gone == null, 60, TimeUnit.SECONDS);
      existing = null;
    }
    if (existing == null) {
      try {
        client.pods().inNamespace(settings.namespace()).resource(spec(projectId)).create();
        log.info("Started workspace pod {}/{}", settings.namespace(), name);
      } catch (KubernetesClientException e) {
        // another command or server instance created it first
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
          throw e;
        }
      }
    }
    touch(name);
    return name;
  }

  /** Waits until the pod's container runs. */
  public void awaitReady(String name) {
    Pod ready =
        pod(name)
            .waitUntilCondition(
                candidate -> candidate != null && Readiness.isPodReady(candidate),
                settings.startTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    if (ready == null) {
      throw new IllegalStateException("Workspace pod " + name + " is gone");
    }
  }

  /** Marks the pod as used now. */
  public void touch(String name) {
    String now = clock.instant().toString();
    pod(name)
        .edit(
            found ->
                new PodBuilder(found)
                    .editMetadata()
                    .addToAnnotations(LAST_USED, now)
                    .endMetadata()
                    .build());
  }

  /**
   * Deletes the pods nobody used for the idle time. Pods this instance runs commands in are marked
   * used instead, so other instances see them as busy too.
   *
   * @return the names of the pods deleted
   */
  public List<String> reapIdle(Set<String> busy) {
    Instant idleSince = clock.instant().minus(settings.idleAfter());
    List<String> reaped = new ArrayList<>();
    for (Pod found : managedPods()) {
      String name = found.getMetadata().getName();
      if (busy.contains(name)) {
        touch(name);
        continue;
      }
      Instant lastUsed = lastUsed(found);
      if (lastUsed != null && lastUsed.isAfter(idleSince)) {
        continue;
      }
      pod(name).delete();
      reaped.add(name);
      log.info("Deleted idle workspace pod {}/{}", settings.namespace(), name);
    }
    return reaped;
  }

  public void delete(UUID projectId) {
    pod(podName(projectId)).delete();
  }

  PodResource pod(String name) {
    return client.pods().inNamespace(settings.namespace()).withName(name);
  }

  List<Pod> managedPods() {
    return client
        .pods()
        .inNamespace(settings.namespace())
        .withLabel(MANAGED_BY, MANAGER)
        .list()
        .getItems();
  }

  /** Applies the namespace's policy once per server start, before the first pod. */
  void ensureNetworkPolicy() {
    if (policyApplied.get()) {
      return;
    }
    client
        .network()
        .v1()
        .networkPolicies()
        .inNamespace(settings.namespace())
        .resource(networkPolicy())
        .createOr(NonDeletingOperation::update);
    policyApplied.set(true);
  }

  /**
   * Workspace pods take connections only from the server's pods (the preview) and reach only DNS
   * and the package registries: not the server, the cluster's API, each other or the internet.
   */
  NetworkPolicy networkPolicy() {
    List<NetworkPolicyEgressRule> egress = new ArrayList<>();
    egress.add(
        new NetworkPolicyEgressRuleBuilder()
            .addToPorts(
                new NetworkPolicyPortBuilder().withProtocol("UDP").withNewPort(53).build(),
                new NetworkPolicyPortBuilder().withProtocol("TCP").withNewPort(53).build())
            .build());
    for (KubernetesProperties.Registry registry : settings.registries()) {
      NetworkPolicyEgressRuleBuilder rule =
          new NetworkPolicyEgressRuleBuilder()
              .addNewTo()
              .withNewIpBlock()
              .withCidr(registry.cidr())
              .endIpBlock()
              .endTo();
      for (int port : registry.portsOrHttps()) {
        rule.addToPorts(
            new NetworkPolicyPortBuilder().withProtocol("TCP").withNewPort(port).build());
      }
      egress.add(rule.build());
    }
    return new NetworkPolicyBuilder()
        .withNewMetadata()
        .withName(POLICY)
        .withNamespace(settings.namespace())
        .withLabels(Map.of(MANAGED_BY, MANAGER))
        .endMetadata()
        .withNewSpec()
        .withNewPodSelector()
        .withMatchLabels(Map.of(MANAGED_BY, MANAGER))
        .endPodSelector()
        .withPolicyTypes("Ingress", "Egress")
        .addNewIngress()
        .addNewFrom()
        .withNewNamespaceSelector()
        .endNamespaceSelector()
        .withNewPodSelector()
        .withMatchLabels(settings.serverLabels())
        .endPodSelector()
        .endFrom()
        .endIngress()
        .withEgress(egress)
        .endSpec()
        .build();
  }

  /**
   * One container that sleeps while commands are started in it through exec. Nothing of the cluster
   * is mounted (no service account token, no service links); the root filesystem is read-only and
   * the writable folders are size-limited emptyDirs.
   */
  Pod spec(UUID projectId) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(MANAGED_BY, MANAGER);
    labels.put(PROJECT, projectId.toString());
    Map<String, Quantity> requests =
        Map.of(
            "cpu", new Quantity(settings.cpuRequest()),
            "memory", new Quantity(settings.memoryRequest()));
    Map<String, Quantity> limits =
        Map.of(
            "cpu", new Quantity(settings.cpuLimit()),
            "memory", new Quantity(settings.memoryLimit()),
            "ephemeral-storage", new Quantity(settings.workspaceSize()));
    Map<String, String> mounts = new LinkedHashMap<>();
    mounts.put("workspace", "/workspace");
    mounts.put("home", "/home/sandbox");
    mounts.put("control", "/run/bharatbuild");
    mounts.put("tmp", "/tmp");
    long uid = settings.runAsUser();
    return new PodBuilder()
        .withNewMetadata()
        .withName(podName(projectId))
        .withNamespace(settings.namespace())
        .withLabels(labels)
        .withAnnotations(Map.of(LAST_USED, clock.instant().toString()))
        .endMetadata()
        .withNewSpec()
        .withAutomountServiceAccountToken(false)
        .withEnableServiceLinks(false)
        .withHostname("sandbox")
        .withTerminationGracePeriodSeconds(5L)
        .withNewSecurityContext()
        .withRunAsNonRoot(true)
        .withRunAsUser(uid)
        .withRunAsGroup(uid)
        .withFsGroup(uid)
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .endSecurityContext()
        .addNewContainer()
        .withName(CONTAINER)
        .withImage(settings.image())
        .withCommand("sleep", "infinity")
        .withWorkingDir("/workspace")
        .withNewSecurityContext()
        .withAllowPrivilegeEscalation(false)
        .withPrivileged(false)
        .withReadOnlyRootFilesystem(true)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .endSecurityContext()
        .withNewResources()
        .withRequests(requests)
        .withLimits(limits)
        .endResources()
        .withVolumeMounts(
            mounts.entrySet().stream()
                .map(
                    mount ->
                        new VolumeMountBuilder()
                            .withName(mount.getKey())
                            .withMountPath(mount.getValue())
                            .build())
                .toList())
        .endContainer()
        .withVolumes(
            mounts.keySet().stream()
                .map(
                    volume ->
                        new VolumeBuilder()
                            .withName(volume)
                            .withNewEmptyDir()
                            .withSizeLimit(new Quantity(settings.workspaceSize()))
                            .endEmptyDir()
                            .build())
                .toList())
        .endSpec()
        .build();
  }

  private static boolean usable(Pod pod) {
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      return false;
    }
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return !"Failed".equals(phase) && !"Succeeded".equals(phase);
  }

  private static @Nullable Instant lastUsed(Pod pod) {
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.get(LAST_USED);
    try {
      return value == null ? null : Instant.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
