package jp.shinko.infra.embedded;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes sure a child process this JVM started does not outlive it, however the JVM ends: an
 * orderly exit runs the owner's {@code close()}, but a JVM that is killed (a build cancelled, a
 * test fork timed out) runs nothing, and a PostgreSQL server or service it started would keep
 * running with its data folder under the temp directory.
 *
 * <p>A small watcher process ({@code /bin/sh}) polls this JVM once a second; when the JVM is
 * gone, it signals the child and deletes the given folders. Where there is no {@code /bin/sh}
 * (Windows), only an orderly exit stops the child.
 */
public final class OrphanGuard {

    private static final String SHELL = "/bin/sh";
    private static final String WATCH = """
            jvm=$1; child=$2; signal=$3; shift 3
            while kill -0 "$jvm" 2>/dev/null; do sleep 1; done
            kill -s "$signal" "$child" 2>/dev/null
            while kill -0 "$child" 2>/dev/null; do sleep 1; done
            for folder in "$@"; do rm -rf "$folder"; done
            """;

    private OrphanGuard() {
    }

    /**
     * Once this JVM has ended, sends the child the signal and, when it has stopped, deletes the
     * folders.
     *
     * @param signal {@code INT} for PostgreSQL's fast shutdown, {@code TERM} for a JVM service
     * @param foldersToDelete throw-away folders of the child's; never a folder whose data must be kept
     * @return the watch, to {@link Watch#end() end} once the owner has stopped the child itself, so
     *     that no signal later reaches another process that took the child's id
     */
    public static Watch stopWhenThisJvmEnds(Process child, String signal, Path... foldersToDelete) {
        return stopWhenThisJvmEnds(child.pid(), signal, foldersToDelete);
    }

    /** A watcher of one child; ended when the child was stopped in order. */
    public interface Watch {

        /** Stops watching: the child was stopped and its folders dealt with by its owner. */
        void end();
    }

    /**
     * The same for a process this JVM did not start itself but caused to start, such as the
     * PostgreSQL server that {@code pg_ctl} leaves running.
     *
     * @param childPid the process id
     */
    public static Watch stopWhenThisJvmEnds(long childPid, String signal, Path... foldersToDelete) {
        if (!new File(SHELL).canExecute()) {
            return () -> { };
        }
        List<String> command = new ArrayList<>(List.of(SHELL, "-c", WATCH, "orphan-guard",
                String.valueOf(ProcessHandle.current().pid()), String.valueOf(childPid), signal));
        for (Path folder : foldersToDelete) {
            command.add(folder.toAbsolutePath().toString());
        }
        try {
            Process watcher = new ProcessBuilder(command).redirectInput(Redirect.from(new File("/dev/null")))
                    .redirectOutput(Redirect.DISCARD).redirectError(Redirect.DISCARD).start();
            return () -> {
                watcher.descendants().forEach(ProcessHandle::destroy);
                watcher.destroy();
            };
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the watcher that stops process " + childPid
                    + " when this JVM ends", e);
        }
    }
}
