package jp.shinko.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A JVM that is killed leaves no child process and no throw-away folder behind. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class OrphanGuardTest {

    @Test
    void aChildOfAJvmThatEndsWithoutCleaningUpIsStoppedAndItsFolderDeleted(@TempDir Path temp) throws Exception {
        Path folder = Files.createDirectory(temp.resolve("child-data"));
        Files.writeString(folder.resolve("postmaster.pid"), "data");
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), folder.toString())
                .redirectErrorStream(true).start();
        long childPid;
        try (BufferedReader output = new BufferedReader(new InputStreamReader(jvm.getInputStream(),
                StandardCharsets.UTF_8))) {
            childPid = Long.parseLong(output.readLine().strip());
        }
        assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(jvm.exitValue()).as("the JVM halted without running any shutdown hook").isEqualTo(3);

        await().atMost(Duration.ofSeconds(20)).until(() -> ProcessHandle.of(childPid)
                .map(process -> !process.isAlive()).orElse(true));
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(folder));
    }

    @Test
    void anEmbeddedPostgresqlOfAJvmThatEndsWithoutClosingItIsStoppedAndItsDataDeleted() throws Exception {
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Server.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String[] started;
        try (BufferedReader output = new BufferedReader(new InputStreamReader(jvm.getInputStream(),
                StandardCharsets.UTF_8))) {
            started = output.lines().filter(line -> line.startsWith("server ")).findFirst().orElseThrow()
                    .split(" ");
        }
        long serverPid = Long.parseLong(started[1]);
        Path dataDirectory = Path.of(started[2]);
        assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(jvm.exitValue()).isEqualTo(3);

        await().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(serverPid)
                .map(process -> !process.isAlive()).orElse(true));
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(dataDirectory));
    }

    @Test
    void aWatchEndedByTheOwnerLeavesNoWatcherBehind() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "300").start();
        try {
            OrphanGuard.Watch watch = OrphanGuard.stopWhenThisJvmEnds(sleeper, "TERM");
            assertThat(watchers()).isPositive();

            watch.end();

            await().atMost(Duration.ofSeconds(10)).until(() -> watchers() == 0);
            assertThat(sleeper.isAlive()).as("ending the watch leaves the child to its owner").isTrue();
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
    }

    private static long watchers() {
        return ProcessHandle.current().children().filter(child -> child.info().arguments()
                .map(arguments -> java.util.Arrays.asList(arguments).contains("orphan-guard")).orElse(false)).count();
    }

    /** A JVM that starts an embedded server, prints its process and folder, and halts as if killed. */
    static final class Server {

        public static void main(String[] args) throws Exception {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.startEphemeral();
            String folder = ProcessHandle.of(server.processId()).flatMap(process -> process.info().arguments())
                    .map(arguments -> arguments[java.util.Arrays.asList(arguments).indexOf("-D") + 1]).orElseThrow();
            System.out.println("server " + server.processId() + " " + folder);
            System.out.flush();
            Runtime.getRuntime().halt(3);
        }
    }

    /** A JVM that starts a long-running child, guards it, prints its pid and halts as if killed. */
    static final class Child {

        public static void main(String[] args) throws Exception {
            Process sleeper = new ProcessBuilder("sleep", "300").start();
            OrphanGuard.stopWhenThisJvmEnds(sleeper, "TERM", Path.of(args[0]));
            System.out.println(sleeper.pid());
            System.out.flush();
            Runtime.getRuntime().halt(3);
        }
    }
}
