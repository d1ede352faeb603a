package jp.shinko.infra.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.shinko.infra.embedded.FreePorts;

/**
 * What stands in the way of a start, found before anything is started or deleted: a stack that
 * is already running on the same data folder, ports that are taken, or a PostgreSQL or service
 * an earlier run on the same folder left running; each with what to do about it.
 */
final class StartObstacles {

    /** System property that marks a service as started by a local stack on a given data folder. */
    private static final String OWNER_PROPERTY = "shinko.local-stack.data-dir";

    private StartObstacles() {
    }

    /**
     * The JVM option each service is started with, naming the data folder, so a later start can
     * tell the user which process of an earlier run still holds a port.
     */
    static String ownerOption(DataDirectory data) {
        return "-D" + OWNER_PROPERTY + "=" + data.root();
    }

    /** One sentence per obstacle; empty when the stack can start. */
    static List<String> find(LocalStackOptions options, DataDirectory data) {
        Optional<Long> runningLauncher = alive(data.launcherPidFile());
        if (runningLauncher.isPresent()) {
            long pid = runningLauncher.get();
            return List.of("A local stack is already running with the data folder " + data.root() + " (pid " + pid
                    + "). Stop it with Ctrl-C in its terminal or with: kill " + pid
                    + ". To run a second one, give it its own --data-dir and ports.");
        }
        List<String> problems = new ArrayList<>();
        for (LocalStackOptions.NamedPort port : options.ports()) {
            if (!FreePorts.isFree(port.port())) {
                problems.add("Port " + port.port() + " (" + port.purpose() + ") is already in use. Stop what uses it, "
                        + "or start with " + port.option() + "=<another port>.");
            }
        }
        problems.addAll(leftoversOfAnEarlierRun(data));
        return problems;
    }

    private static List<String> leftoversOfAnEarlierRun(DataDirectory data) {
        List<String> leftovers = new ArrayList<>();
        String marker = ownerOption(data);
        ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .forEach(process -> leftovers.add("A service of an earlier local stack is still running (pid "
                        + process.pid() + "); stop it with: kill " + process.pid()));
        alive(data.postgres().resolve("postmaster.pid")).ifPresent(pid -> leftovers.add(
                "PostgreSQL of an earlier local stack is still running (pid " + pid + "); stop it with: kill " + pid));
        return leftovers;
    }

    /** The live process whose pid is on the first line of the file, if any. */
    private static Optional<Long> alive(Path pidFile) {
        try {
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
                return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
            }
        } catch (IOException | RuntimeException unreadable) {
            // no usable pid: nothing to report
        }
        return Optional.empty();
    }
}
