package com.bharatbuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The production packaging (Dockerfile, compose.yaml, deploy/k8s) read the way Docker, Compose and
 * Kubernetes would read it, without any of them: a typo in a probe path or a secret's key would
 * otherwise only show in a failed rollout.
 */
class DeploymentManifestsTest {

  // surefire runs in the server module, the packaging sits at the repository's root
  private static final Path ROOT = Path.of("..");
  private static final Path K8S = ROOT.resolve(Path.of("deploy", "k8s"));
  private static final Path BASE = K8S.resolve("base");
  private static final String SECRET = "bharatbuild-secrets";
  private static final List<String> SECRET_KEYS =
      List.of("DATABASE_URL", "REDIS_URL", "JWT_SECRET", "ANTHROPIC_API_KEY");

  @Test
  void everyManifestNamesItsApiVersionKindAndName() throws IOException {
    List<Path> files = yamlFilesUnder(K8S);
    int manifests = 0;
    for (Path file : files) {
      if (isKustomization(file)) {
        continue;
      }
      for (Map<String, Object> manifest : documents(file)) {
        assertThat(manifest.get("apiVersion")).as("apiVersion in %s", file).isNotNull();
        assertThat(manifest.get("kind")).as("kind in %s", file).isNotNull();
        assertThat(string(manifest, "metadata.name")).as("metadata.name in %s", file).isNotBlank();
        manifests++;
      }
    }
    assertThat(manifests).isGreaterThanOrEqualTo(7);
  }

  @Test
  void everyKustomizationListsOnlyFilesThatExist() throws IOException {
    List<Path> kustomizations =
        yamlFilesUnder(K8S).stream().filter(DeploymentManifestsTest::isKustomization).toList();
    assertThat(kustomizations)
        .extracting(f -> ROOT.relativize(f).toString().replace('\\', '/'))
        .contains(
            "deploy/k8s/base/kustomization.yaml",
            "deploy/k8s/overlays/production/kustomization.yaml",
            "deploy/k8s/overlays/dev/kustomization.yaml");
    for (Path kustomization : kustomizations) {
      Map<String, Object> content = documents(kustomization).getFirst();
      Path dir = kustomization.getParent();
      for (Object resource : list(content.get("resources"))) {
        Path target = dir.resolve((String) resource);
        assertThat(target).as("resource of %s", kustomization).exists();
        if (Files.isDirectory(target)) {
          assertThat(target.resolve("kustomization.yaml")).exists();
        }
      }
      for (Object patch : list(content.get("patches"))) {
        Object path = map(patch).get("path");
        if (path != null) {
          assertThat(dir.resolve((String) path)).as("patch of %s", kustomization).exists();
        }
      }
      for (Object patch : list(content.get("patchesStrategicMerge"))) {
        assertThat(dir.resolve((String) patch)).as("patch of %s", kustomization).exists();
      }
    }
  }

  @Test
  void theBaseAppliesEveryManifestBesideItExceptTheSecretTemplate() throws IOException {
    List<Object> resources =
        list(documents(BASE.resolve("kustomization.yaml")).getFirst().get("resources"));
    List<String> manifests =
        yamlFilesUnder(BASE).stream()
            .filter(f -> !isKustomization(f))
            .map(f -> f.getFileName().toString())
            .toList();

    assertThat(manifests).contains("secret.example.yaml");
    assertThat(resources)
        .containsExactlyInAnyOrderElementsOf(
            manifests.stream().filter(m -> !m.equals("secret.example.yaml")).toList());
  }

  @Test
  void theDeploymentRunsThreeNonRootReplicasThatStopGracefully() throws IOException {
    Map<String, Object> deployment = baseManifest("Deployment");
    Map<String, Object> pod = map(at(deployment, "spec.template.spec"));
    Map<String, Object> container = container(deployment);

    assertThat(at(deployment, "spec.replicas")).isEqualTo(3);
    assertThat(at(pod, "securityContext.runAsNonRoot")).isEqualTo(true);
    assertThat(at(container, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
    assertThat(pod.get("automountServiceAccountToken")).isEqualTo(false);
    assertThat(pod.get("terminationGracePeriodSeconds")).isEqualTo(60);
    assertThat(list(at(container, "lifecycle.preStop.exec.command"))).contains("sleep");
  }

  @Test
  void theDeploymentProbesTheActuatorOnItsOwnPort() throws IOException {
    Map<String, Object> container = container(baseManifest("Deployment"));
    int management = Integer.parseInt(environment(container).get("MANAGEMENT_SERVER_PORT"));

    assertThat(management).isNotIn(8080, 8081);
    assertThat(at(container, "startupProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
    assertThat(at(container, "startupProbe.httpGet.port")).isEqualTo(management);
    assertThat(at(container, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
    assertThat(at(container, "livenessProbe.httpGet.port")).isEqualTo(management);
    assertThat(at(container, "readinessProbe.httpGet.path"))
        .isEqualTo("/actuator/health/readiness");
    assertThat(at(container, "readinessProbe.httpGet.port")).isEqualTo(management);
  }

  @Test
  void prometheusScrapesTheManagementPortWhichNoServiceExposes() throws IOException {
    Map<String, Object> deployment = baseManifest("Deployment");
    Map<String, Object> container = container(deployment);
    Map<String, Object> annotations = map(at(deployment, "spec.template.metadata.annotations"));
    String management = environment(container).get("MANAGEMENT_SERVER_PORT");

    assertThat(annotations)
        .containsEntry("prometheus.io/scrape", "true")
        .containsEntry("prometheus.io/port", management)
        .containsEntry("prometheus.io/path", "/actuator/prometheus");
    assertThat(list(container.get("ports")))
        .anySatisfy(
            port ->
                assertThat(map(port).get("containerPort")).isEqualTo(Integer.parseInt(management)));
    assertThat(list(at(baseManifest("Service"), "spec.ports")))
        .noneSatisfy(
            port -> assertThat(String.valueOf(map(port).get("targetPort"))).isEqualTo(management));
  }

  /** The container's plain (not secret) environment variables. */
  private static Map<String, String> environment(Map<String, Object> container) {
    Map<String, String> values = new HashMap<>();
    for (Object variable : list(container.get("env"))) {
      Object value = map(variable).get("value");
      if (value != null) {
        values.put((String) map(variable).get("name"), value.toString());
      }
    }
    return values;
  }

  @Test
  void theDeploymentRequestsAndLimitsItsResources() throws IOException {
    Map<String, Object> resources = map(container(baseManifest("Deployment")).get("resources"));

    for (String bound : List.of("requests", "limits")) {
      assertThat(map(resources.get(bound))).as(bound).containsKeys("cpu", "memory");
    }
  }

  @Test
  void theDeploymentTakesItsSecretsFromBharatbuildSecrets() throws IOException {
    List<Object> env = list(container(baseManifest("Deployment")).get("env"));
    Map<String, Map<String, Object>> fromSecret = new HashMap<>();
    for (Object variable : env) {
      Object reference = at(map(variable), "valueFrom.secretKeyRef");
      if (reference != null) {
        fromSecret.put((String) map(variable).get("name"), map(reference));
      }
    }

    assertThat(fromSecret).containsKeys(SECRET_KEYS.toArray(String[]::new));
    for (String key : SECRET_KEYS) {
      assertThat(fromSecret.get(key)).containsEntry("name", SECRET).containsEntry("key", key);
    }
    for (String required : List.of("DATABASE_URL", "REDIS_URL", "JWT_SECRET")) {
      assertThat(fromSecret.get(required).get("optional")).as(required).isNotEqualTo(true);
    }
  }

  @Test
  void theSecretTemplateHoldsEveryKeyTheDeploymentReads() throws IOException {
    Map<String, Object> secret = documents(BASE.resolve("secret.example.yaml")).getFirst();
    Set<String> read = new LinkedHashSet<>();
    for (Object variable : list(container(baseManifest("Deployment")).get("env"))) {
      Object key = at(map(variable), "valueFrom.secretKeyRef.key");
      if (key != null) {
        read.add((String) key);
      }
    }

    assertThat(secret.get("kind")).isEqualTo("Secret");
    assertThat(string(secret, "metadata.name")).isEqualTo(SECRET);
    assertThat(map(secret.get("stringData")).keySet()).containsAll(read);
  }

  @Test
  void theServiceSendsHttpToTheServersPort() throws IOException {
    Map<String, Object> service = baseManifest("Service");
    Map<String, Object> podLabels =
        map(at(baseManifest("Deployment"), "spec.template.metadata.labels"));

    assertThat(list(at(service, "spec.ports")))
        .anySatisfy(
            port ->
                assertThat(map(port)).containsEntry("port", 80).containsEntry("targetPort", 8080))
        .anySatisfy(port -> assertThat(map(port)).containsEntry("targetPort", 8081));
    assertThat(podLabels).containsAllEntriesOf(map(at(service, "spec.selector")));
  }

  @Test
  void theIngressStreamsUnbufferedKeepsLongConnectionsOpenAndSticksToAnInstance()
      throws IOException {
    String serviceName = string(baseManifest("Service"), "metadata.name");
    List<Map<String, Object>> ingresses = baseManifests("Ingress");
    assertThat(ingresses).isNotEmpty();

    for (Map<String, Object> ingress : ingresses) {
      Map<String, Object> annotations = map(at(ingress, "metadata.annotations"));
      assertThat(annotations).containsEntry("nginx.ingress.kubernetes.io/proxy-buffering", "off");
      assertThat(
              Integer.parseInt(
                  (String) annotations.get("nginx.ingress.kubernetes.io/proxy-read-timeout")))
          .isGreaterThanOrEqualTo(3600);
      assertThat(
              Integer.parseInt(
                  (String) annotations.get("nginx.ingress.kubernetes.io/proxy-send-timeout")))
          .isGreaterThanOrEqualTo(3600);
      for (Object rule : list(at(ingress, "spec.rules"))) {
        for (Object path : list(at(map(rule), "http.paths"))) {
          assertThat(at(map(path), "backend.service.name")).isEqualTo(serviceName);
        }
      }
    }
    assertThat(ingresses)
        .filteredOn(ingress -> serviceName.equals(string(ingress, "metadata.name")))
        .singleElement()
        .satisfies(
            app ->
                assertThat(map(at(app, "metadata.annotations")))
                    .containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie"));
  }

  @Test
  void theDisruptionBudgetAndAutoscalerFollowTheDeployment() throws IOException {
    Map<String, Object> deployment = baseManifest("Deployment");
    Map<String, Object> podLabels = map(at(deployment, "spec.template.metadata.labels"));
    Map<String, Object> budget = baseManifest("PodDisruptionBudget");
    Map<String, Object> autoscaler = baseManifest("HorizontalPodAutoscaler");

    assertThat(at(budget, "spec.minAvailable")).isEqualTo(2);
    assertThat(podLabels).containsAllEntriesOf(map(at(budget, "spec.selector.matchLabels")));
    assertThat(autoscaler.get("apiVersion")).isEqualTo("autoscaling/v2");
    assertThat(at(autoscaler, "spec.scaleTargetRef.kind")).isEqualTo("Deployment");
    assertThat(at(autoscaler, "spec.scaleTargetRef.name"))
        .isEqualTo(string(deployment, "metadata.name"));
    assertThat(at(autoscaler, "spec.minReplicas")).isEqualTo(3);
    assertThat(at(autoscaler, "spec.maxReplicas")).isEqualTo(10);
    assertThat(list(at(autoscaler, "spec.metrics")))
        .anySatisfy(
            metric -> {
              assertThat(at(map(metric), "resource.name")).isEqualTo("cpu");
              assertThat(at(map(metric), "resource.target.averageUtilization")).isEqualTo(70);
            });
  }

  @Test
  void composeStartsTheAppOnlyOnceItsDatabaseAndRedisAreHealthy() throws IOException {
    Map<String, Object> services =
        map(documents(ROOT.resolve("compose.yaml")).getFirst().get("services"));

    assertThat(services).containsKeys("postgres", "redis", "app");
    for (String dependency : List.of("postgres", "redis")) {
      assertThat(at(map(services.get(dependency)), "healthcheck.test")).as(dependency).isNotNull();
      assertThat(at(map(services.get("app")), "depends_on." + dependency + ".condition"))
          .as(dependency)
          .isEqualTo("service_healthy");
    }
    Map<String, Object> environment = map(at(map(services.get("app")), "environment"));
    assertThat(environment).containsKeys(SECRET_KEYS.toArray(String[]::new));
    assertThat((String) environment.get("JWT_SECRET")).startsWith("${JWT_SECRET:?");
  }

  @Test
  void envExampleListsEveryVariableComposeReads() throws IOException {
    String compose = Files.readString(ROOT.resolve("compose.yaml"));
    Set<String> used = new LinkedHashSet<>();
    // ${NAME...} is interpolated by compose; $${NAME} is left to the container's shell
    Matcher interpolated = Pattern.compile("(?<!\\$)\\$\\{([A-Z][A-Z0-9_]*)").matcher(compose);
    while (interpolated.find()) {
      used.add(interpolated.group(1));
    }
    Map<String, Object> app =
        map(map(documents(ROOT.resolve("compose.yaml")).getFirst().get("services")).get("app"));
    map(app.get("environment"))
        .forEach(
            (name, value) -> {
              if (value == null) {
                used.add(name); // passed through from .env when it sets it
              }
            });
    String example = Files.readString(ROOT.resolve(".env.example"));

    assertThat(used).isNotEmpty();
    for (String variable : used) {
      assertThat(example)
          .as("%s in .env.example", variable)
          .containsPattern("(?m)^(# )?" + variable + "=");
    }
  }

  @Test
  void theDockerfileRunsTheExtractedJarOnTemurinAsANonRootUser() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    List<String> users =
        dockerfile
            .lines()
            .filter(line -> line.startsWith("USER "))
            .map(line -> line.substring("USER ".length()).strip())
            .toList();

    assertThat(dockerfile).contains("eclipse-temurin:25");
    assertThat(dockerfile).contains("-Djarmode=tools -jar bharatbuild.jar extract");
    assertThat(dockerfile).containsPattern("(?m)^ENTRYPOINT .*-jar /app/bharatbuild\\.jar");
    assertThat(users).isNotEmpty();
    assertThat(users.getLast()).doesNotMatch("(root|0)(:.*)?");
    assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK .*");
    assertThat(dockerfile).contains("/actuator/health/readiness");
    assertThat(Files.readString(ROOT.resolve(".dockerignore")))
        .contains("!server/target/bharatbuild.jar");
  }

  private static List<Path> yamlFilesUnder(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  private static boolean isKustomization(Path file) {
    return file.getFileName().toString().equals("kustomization.yaml");
  }

  private static List<Map<String, Object>> documents(Path file) throws IOException {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    List<Map<String, Object>> documents = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file)) {
      for (Object document : yaml.loadAll(reader)) {
        if (document != null) {
          documents.add(map(document));
        }
      }
    }
    assertThat(documents).as("documents in %s", file).isNotEmpty();
    return documents;
  }

  private static List<Map<String, Object>> baseManifests(String kind) throws IOException {
    List<Map<String, Object>> found = new ArrayList<>();
    for (Object resource :
        list(documents(BASE.resolve("kustomization.yaml")).getFirst().get("resources"))) {
      for (Map<String, Object> manifest : documents(BASE.resolve((String) resource))) {
        if (kind.equals(manifest.get("kind"))) {
          found.add(manifest);
        }
      }
    }
    return found;
  }

  private static Map<String, Object> baseManifest(String kind) throws IOException {
    List<Map<String, Object>> found = baseManifests(kind);
    assertThat(found).as("one %s in the base", kind).hasSize(1);
    return found.getFirst();
  }

  private static Map<String, Object> container(Map<String, Object> deployment) {
    List<Object> containers = list(at(deployment, "spec.template.spec.containers"));
    assertThat(containers).hasSize(1);
    return map(containers.getFirst());
  }

  /** The value at a dotted path of map keys, or null when any step is missing. */
  private static Object at(Map<String, Object> root, String path) {
    Object current = root;
    for (String key : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> node)) {
        return null;
      }
      current = node.get(key);
    }
    return current;
  }

  private static String string(Map<String, Object> root, String path) {
    Object value = at(root, path);
    return value == null ? null : value.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return value == null ? List.of() : (List<Object>) value;
  }
}
