package jp.shinko.infra.localstack.launcher;

import java.io.File;
import java.util.Arrays;
import jp.shinko.infra.localstack.LocalStack;
import jp.shinko.infra.localstack.bench.Benchmark;

/**
 * {@code ./local-stack}: the local stack, or with {@code bench} first the benchmark, which starts
 * a stack of its own. Above both, so that neither knows the other's command line.
 */
public final class Launcher {

    /** Where the start script copied the jars to run from; deleted when the launcher exits. */
    static final String RUN_DIRECTORY_PROPERTY = "shinko.local-stack.run-dir";

    private Launcher() {
    }

    public static void main(String[] args) {
        deleteOnExit(System.getProperty(RUN_DIRECTORY_PROPERTY));
        System.exit(args.length > 0 && args[0].equals("bench")
                ? Benchmark.run(Arrays.copyOfRange(args, 1, args.length), System.out)
                : LocalStack.run(args, System.out));
    }

    /** The private copy of the jars this launcher runs from, if the start script made one. */
    private static void deleteOnExit(String runDirectory) {
        if (runDirectory == null) {
            return;
        }
        File root = new File(runDirectory);
        root.deleteOnExit(); // deleted last: the JVM deletes in reverse order of registration
        File[] entries = root.listFiles();
        for (File entry : entries == null ? new File[0] : entries) {
            entry.deleteOnExit();
            File[] files = entry.listFiles();
            for (File file : files == null ? new File[0] : files) {
                file.deleteOnExit();
            }
        }
    }
}
