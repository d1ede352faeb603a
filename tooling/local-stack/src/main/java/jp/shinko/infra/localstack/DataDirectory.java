package jp.shinko.infra.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The folder the local stack keeps its data in: {@code postgres/}, {@code kafka/},
 * {@code identity/} (the token signing key) and {@code logs/}. A marker file identifies it,
 * so that {@code --fresh} never deletes a folder that is not the stack's own.
 */
final class DataDirectory {

    private static final String MARKER = ".shinko-local-stack";

    private final Path root;

    DataDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * Creates the folder (or, with {@code fresh}, empties it first) and marks it as the stack's.
     * Call only when no stack runs on it.
     *
     * @throws IllegalStateException when {@code fresh} is asked for a folder that is not the stack's
     */
    void prepare(boolean fresh) throws IOException {
        if (fresh && Files.exists(root)) {
            if (!Files.exists(root.resolve(MARKER)) && !isEmpty(root)) {
                throw new IllegalStateException(root + " is not a folder the local stack created (it has no "
                        + MARKER + " file); refusing to delete it. Choose another --data-dir.");
            }
            deleteRecursively(root);
        }
        Files.createDirectories(root.resolve("logs"));
        if (!Files.exists(root.resolve(MARKER))) {
            Files.writeString(root.resolve(MARKER),
                    "Data of the Shinko local stack; ./local-stack --fresh deletes it.\n");
        }
    }

    /** Records this launcher's pid while it runs; closing removes the record. */
    AutoCloseable claim() throws IOException {
        Files.writeString(launcherPidFile(), ProcessHandle.current().pid() + "\n");
        return () -> Files.deleteIfExists(launcherPidFile());
    }

    Path root() {
        return root;
    }

    Path postgres() {
        return root.resolve("postgres");
    }

    Path kafka() {
        return root.resolve("kafka");
    }

    /** The identity provider's signing key, private: whoever holds it can act as anyone. */
    Path signingKey() {
        return root.resolve("identity").resolve("signing-key.json");
    }

    Path launcherPidFile() {
        return root.resolve("local-stack.pid");
    }

    Path log(String name) {
        return root.resolve("logs").resolve(name + ".log");
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
