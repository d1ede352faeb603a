package jp.shinko.infra.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.shinko.infra.embedded.DatabaseRoles;
import jp.shinko.infra.kafka.Topics;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * The deployment files ({@code deploy/}) checked against the application they deploy, since no
 * Docker engine or Kubernetes cluster runs on the build machines: every file parses; every
 * environment variable a manifest or the compose file gives a service is a property that service
 * reads (its {@code application.yml} or the configuration metadata of a library in its runnable
 * jar); images are the ones the build makes; ports and probe paths are the services' own; each
 * Deployment has probes, bounded memory (heap at most 512 MiB) and a disruption budget; the topic
 * and the database roles are the code's; and no secret is written in plain text.
 */
class DeploymentFilesTest {

    private static final Path DEPLOY = Path.of(System.getProperty("shinko.system-tests.deploy-dir", "../../deploy"));
    private static final Path JARS = Path.of(System.getProperty("shinko.system-tests.services-dir",
            "target/services"));
    private static final String REPOSITORY = System.getProperty("shinko.system-tests.image-repository", "shinko");
    private static final String VERSION = System.getProperty("shinko.system-tests.version", "0.1.0-SNAPSHOT");
    private static final List<String> SERVICES = List.of("command-service", "query-service", "web");
    private static final Set<String> READ_BY_THE_JVM = Set.of("JAVA_TOOL_OPTIONS");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|access_key).*");
    private static final Pattern MEMORY = Pattern.compile("([0-9]+)(Mi|Gi|M|G)");
    private static final long MAX_HEAP_MIB = 512;
    private static final String LIVENESS = "/actuator/health/liveness";
    private static final String READINESS = "/actuator/health/readiness";

    private final Map<String, ServiceFacts> services = new HashMap<>();

    @Test
    void everyFileParsesAndTheKustomizationListsEveryManifest() throws IOException {
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            for (Path file : files.filter(path -> path.toString().matches(".*\\.ya?ml")).toList()) {
                assertThat(documents(file)).as(DEPLOY.relativize(file).toString()).isNotEmpty();
            }
        }
        Map<String, Object> kustomization = map(documents(DEPLOY.resolve("kustomization.yaml")).get(0));
        Set<String> listed = new TreeSet<>(strings(kustomization.get("resources")));
        Set<String> manifests = new TreeSet<>();
        try (Stream<Path> files = Files.list(DEPLOY.resolve("kubernetes"))) {
            files.map(file -> "kubernetes/" + file.getFileName())
                    .filter(name -> name.endsWith(".yaml") && !name.contains(".example."))
                    .forEach(manifests::add);
        }
        assertThat(listed).as("resources of kustomization.yaml").isEqualTo(manifests);
        for (Object generator : list(kustomization.get("configMapGenerator"))) {
            for (String file : strings(map(generator).get("files"))) {
                assertThat(DEPLOY.resolve(file.substring(file.indexOf('=') + 1))).exists();
            }
        }
    }

    @Test
    void everyDeploymentRunsAnImageOfTheBuildWithSettingsItsServiceReads() throws IOException {
        List<Map<String, Object>> resources = kubernetesResources();
        Map<String, Object> config = resources.stream().filter(resource -> "ConfigMap".equals(resource.get("kind"))
                && "shinko-config".equals(metadata(resource).get("name"))).findFirst().map(resource ->
                map(resource.get("data"))).orElseThrow();
        Set<String> exampleSecrets = new HashSet<>();
        documents(DEPLOY.resolve("kubernetes/secrets.example.yaml")).forEach(secret -> map(secret.get("stringData"))
                .keySet().forEach(key -> exampleSecrets.add(metadata(secret).get("name") + "/" + key)));
        Set<String> deployed = new TreeSet<>();
        for (Map<String, Object> deployment : ofKind(resources, "Deployment")) {
            Map<String, Object> pod = map(map(map(deployment.get("spec")).get("template")).get("spec"));
            Map<String, Object> container = map(list(pod.get("containers")).get(0));
            String service = serviceOf(String.valueOf(container.get("image")));
            deployed.add(service);
            ServiceFacts facts = facts(service);
            String where = "Deployment " + metadata(deployment).get("name");

            Map<String, Object> port = map(list(container.get("ports")).get(0));
            assertThat(port.get("containerPort")).as(where + " port").isEqualTo(facts.port());
            for (Object entry : list(container.get("env"))) {
                Map<String, Object> variable = map(entry);
                String name = String.valueOf(variable.get("name"));
                assertThat(facts.reads(name)).as(where + ": " + name + " is a property " + service + " reads")
                        .isTrue();
                Map<String, Object> from = map(variable.get("valueFrom"));
                if (SECRET_NAME.matcher(name).matches()) {
                    assertThat(from).as(where + ": " + name + " comes from a Secret").containsKey("secretKeyRef");
                    Map<String, Object> secret = map(from.get("secretKeyRef"));
                    assertThat(exampleSecrets).as("secrets.example.yaml shows the operator " + secret)
                            .contains(secret.get("name") + "/" + secret.get("key"));
                }
                if (from.containsKey("configMapKeyRef")) {
                    Map<String, Object> key = map(from.get("configMapKeyRef"));
                    assertThat(config.containsKey(String.valueOf(key.get("key")))
                            || Boolean.TRUE.equals(key.get("optional"))).as(where + ": shinko-config has " + key)
                            .isTrue();
                }
                if ("SPRING_DATASOURCE_USERNAME".equals(name)) {
                    assertThat(variable.get("value")).isEqualTo("command-service".equals(service)
                            ? DatabaseRoles.COMMAND : DatabaseRoles.QUERY);
                }
            }
            assertThat(probePath(container, "livenessProbe")).as(where).isEqualTo(LIVENESS);
            assertThat(probePath(container, "readinessProbe")).as(where).isEqualTo(READINESS);
            assertThat(probePath(container, "startupProbe")).as(where).isEqualTo(READINESS);
            assertThat(facts.probesEnabled()).as(service + " serves the probes' groups").isTrue();
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                assertThat(map(map(container.get(probe)).get("httpGet")).get("port")).as(where + " " + probe)
                        .isIn(port.get("name"), port.get("containerPort"));
            }

            Map<String, Object> resourcesOf = map(container.get("resources"));
            long limit = mebibytes(String.valueOf(map(resourcesOf.get("limits")).get("memory")));
            assertThat(limit * 3 / 4).as(where + ": heap (75% of the memory limit) in MiB")
                    .isLessThanOrEqualTo(MAX_HEAP_MIB);
            assertThat(map(resourcesOf.get("requests"))).as(where).containsKeys("cpu", "memory");
            assertThat(Boolean.TRUE.equals(map(pod.get("securityContext")).get("runAsNonRoot"))).as(where).isTrue();

            Map<String, Object> labels = map(metadata(map(map(deployment.get("spec")).get("template"))).get("labels"));
            assertThat(ofKind(resources, "PodDisruptionBudget")).as(where + " has a disruption budget")
                    .anySatisfy(budget -> assertThat(labels).containsAllEntriesOf(
                            map(map(map(budget.get("spec")).get("selector")).get("matchLabels"))));
            assertThat(ofKind(resources, "Service")).as(where + " has a Service on its port")
                    .anySatisfy(front -> {
                        assertThat(labels).containsAllEntriesOf(map(map(front.get("spec")).get("selector")));
                        assertThat(map(list(map(front.get("spec")).get("ports")).get(0)).get("targetPort"))
                                .isIn(port.get("name"), port.get("containerPort"));
                    });
        }
        assertThat(deployed).isEqualTo(new TreeSet<>(SERVICES));
    }

    @Test
    void theComposeTrialsServicesRunImagesOfTheBuildWithSettingsTheyRead() throws IOException {
        Map<String, Object> compose = map(documents(DEPLOY.resolve("compose/compose.yaml")).get(0));
        Set<String> seen = new TreeSet<>();
        for (Map.Entry<String, Object> entry : map(compose.get("services")).entrySet()) {
            Map<String, Object> definition = map(entry.getValue());
            String image = String.valueOf(definition.get("image"));
            if (!image.startsWith(REPOSITORY + "/")) {
                continue;
            }
            String service = serviceOf(image);
            seen.add(service);
            ServiceFacts facts = facts(service);
            for (Map.Entry<String, Object> variable : map(definition.get("environment")).entrySet()) {
                assertThat(facts.reads(variable.getKey())).as(entry.getKey() + ": " + variable.getKey()).isTrue();
                if (SECRET_NAME.matcher(variable.getKey()).matches()) {
                    assertThat(String.valueOf(variable.getValue())).as(entry.getKey() + ": " + variable.getKey()
                            + " comes from .env").startsWith("${");
                }
            }
            Object check = map(definition.get("healthcheck")).get("test");
            if (check != null) {
                assertThat(String.join(" ", strings(check))).as(entry.getKey() + " healthcheck")
                        .contains(READINESS).contains("/" + facts.port());
            }
        }
        assertThat(seen).isEqualTo(new TreeSet<>(SERVICES));
        long instances = map(compose.get("services")).values().stream()
                .filter(definition -> String.valueOf(map(definition).get("image"))
                        .startsWith(REPOSITORY + "/command-service")).count();
        assertThat(instances).as("command service instances behind the load balancer").isEqualTo(2);
    }

    @Test
    void theTopicAndTheDatabaseRolesAreTheCodes() throws IOException {
        List<Map<String, Object>> resources = kubernetesResources();
        Map<String, Object> topic = ofKind(resources, "KafkaTopic").get(0);
        Map<String, Object> spec = map(topic.get("spec"));
        assertThat(metadata(topic).get("name")).isEqualTo(Topics.INTEGRATION_EVENTS.name());
        assertThat(spec.get("partitions")).isEqualTo(Topics.INTEGRATION_EVENTS.partitions());
        assertThat(map(spec.get("config")).get(TopicConfig.RETENTION_MS_CONFIG))
                .isEqualTo(Topics.INTEGRATION_EVENTS.configs().get(TopicConfig.RETENTION_MS_CONFIG));
        assertThat(map(spec.get("config")).get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG)).as("replicas - 1")
                .isEqualTo(String.valueOf((Integer) spec.get("replicas") - 1));

        Map<String, Object> cluster = ofKind(resources, "Cluster").get(0);
        List<String> roles = list(map(map(cluster.get("spec")).get("managed")).get("roles")).stream()
                .map(role -> {
                    assertThat(map(role).get("superuser")).as("superuser").isEqualTo(false);
                    return String.valueOf(map(role).get("name"));
                }).toList();
        assertThat(roles).containsExactly(DatabaseRoles.COMMAND, DatabaseRoles.QUERY);
    }

    @Test
    void noSecretIsWrittenInPlainText() throws IOException {
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                boolean example = file.getFileName().toString().contains(".example");
                List<String> lines = Files.readAllLines(file);
                for (String line : lines) {
                    Matcher assignment = Pattern.compile("^\\s*-?\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*[:=]\\s*(\\S.*)$")
                            .matcher(line);
                    if (line.strip().startsWith("#") || !assignment.matches()
                            || !SECRET_NAME.matcher(assignment.group(1)).matches()) {
                        continue;
                    }
                    String value = assignment.group(2).strip().replaceAll("^[\"']|[\"']$", "");
                    // from the environment, a nested block, or a Secret's name (secretName, passwordSecret)
                    boolean reference = value.startsWith("${") || value.endsWith(":")
                            || assignment.group(1).matches(".*(Name|Secret|Ref)");
                    assertThat(reference || example && value.equals("change-me"))
                            .as("%s: %s", DEPLOY.relativize(file), line.strip()).isTrue();
                }
            }
        }
    }

    /** What the service reads, from its runnable jar: its own settings and its libraries' metadata. */
    private ServiceFacts facts(String service) {
        return services.computeIfAbsent(service, name -> {
            try {
                return ServiceFacts.of(JARS.resolve(name + "-exec.jar"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The settings a service reads, its port, and whether it serves the probes' health groups. */
    private record ServiceFacts(Set<String> properties, int port, boolean probesEnabled) {

        static ServiceFacts of(Path jar) throws IOException {
            Set<String> properties = new HashSet<>();
            Map<String, Object> settings = new HashMap<>();
            try (JarFile file = new JarFile(jar.toFile())) {
                for (JarEntry entry : file.stream().toList()) {
                    if (entry.getName().equals("BOOT-INF/classes/application.yml")) {
                        try (InputStream yaml = file.getInputStream(entry)) {
                            flatten("", map(new Yaml().load(yaml)), settings);
                        }
                    } else if (entry.getName().startsWith("BOOT-INF/lib/") && entry.getName().endsWith(".jar")) {
                        try (InputStream nested = file.getInputStream(entry)) {
                            metadataOf(nested.readAllBytes(), properties);
                        }
                    }
                }
            }
            properties.addAll(settings.keySet());
            return new ServiceFacts(properties, (Integer) settings.get("server.port"),
                    Boolean.TRUE.equals(settings.get("management.endpoint.health.probes.enabled")));
        }

        /** Whether an environment variable binds to one of the properties (Spring's relaxed binding). */
        boolean reads(String variable) {
            return READ_BY_THE_JVM.contains(variable) || properties.stream().anyMatch(property -> {
                String underscored = property.replace('.', '_').toUpperCase(Locale.ROOT);
                return variable.equals(underscored.replace("-", "")) || variable.equals(underscored.replace('-', '_'));
            });
        }

        private static void metadataOf(byte[] jar, Set<String> properties) throws IOException {
            try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    if (entry.getName().matches("META-INF/(additional-)?spring-configuration-metadata\\.json")) {
                        JsonNode metadata = Api.JSON.readTree(in.readAllBytes());
                        metadata.path("properties").forEach(property ->
                                properties.add(property.path("name").asString()));
                    }
                }
            }
        }

        private static void flatten(String prefix, Map<String, Object> tree, Map<String, Object> into) {
            tree.forEach((key, value) -> {
                if (value instanceof Map<?, ?> nested) {
                    flatten(prefix + key + ".", map(nested), into);
                } else {
                    into.put(prefix + key, value);
                }
            });
        }
    }

    private static String serviceOf(String image) {
        Matcher name = Pattern.compile(Pattern.quote(REPOSITORY) + "/([a-z-]+):(.+)").matcher(image);
        assertThat(name.matches()).as(image + " is an image of the build (" + REPOSITORY + "/<service>:<version>)")
                .isTrue();
        assertThat(name.group(1)).as(image).isIn(SERVICES);
        assertThat(name.group(2)).as(image + ": the version the build tags").isEqualTo(VERSION);
        return name.group(1);
    }

    private static String probePath(Map<String, Object> container, String probe) {
        return String.valueOf(map(map(container.get(probe)).get("httpGet")).get("path"));
    }

    private static long mebibytes(String quantity) {
        Matcher amount = MEMORY.matcher(quantity);
        assertThat(amount.matches()).as("memory " + quantity).isTrue();
        long value = Long.parseLong(amount.group(1));
        return switch (amount.group(2)) {
            case "Gi" -> value * 1024;
            case "G" -> value * 1000 * 1000 * 1000 / (1024 * 1024);
            case "M" -> value * 1000 * 1000 / (1024 * 1024);
            default -> value;
        };
    }

    private static List<Map<String, Object>> kubernetesResources() throws IOException {
        List<Map<String, Object>> resources = new ArrayList<>();
        try (Stream<Path> files = Files.list(DEPLOY.resolve("kubernetes"))) {
            for (Path file : files.filter(path -> !path.toString().contains(".example.")).sorted().toList()) {
                resources.addAll(documents(file));
            }
        }
        return resources;
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> resources, String kind) {
        List<Map<String, Object>> found = resources.stream().filter(resource -> kind.equals(resource.get("kind")))
                .toList();
        assertThat(found).as("resources of kind " + kind).isNotEmpty();
        return found;
    }

    private static List<Map<String, Object>> documents(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Object document : new Yaml().loadAll(in)) {
                if (document != null) {
                    documents.add(map(document));
                }
            }
        }
        return documents;
    }

    private static Map<String, Object> metadata(Map<String, Object> resource) {
        return map(resource.get("metadata"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }
}
