package jp.shinko.infra.localstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Facts of the machine the figures were taken on, and the peak resident memory of a process. */
final class Machine {

    private Machine() {
    }

    /** Cores, memory, processor and Java, in one line. */
    static String describe() {
        String cpu = read(Path.of("/proc/cpuinfo"), "(?m)^model name\\s*:\\s*(.+)$").orElse("unknown processor");
        long memoryKb = read(Path.of("/proc/meminfo"), "(?m)^MemTotal:\\s*(\\d+) kB").map(Long::parseLong).orElse(0L);
        return String.format("%d cores (%s), %.1f GiB memory, %s %s, %s", Runtime.getRuntime().availableProcessors(),
                cpu.strip(), memoryKb / 1024.0 / 1024.0, System.getProperty("java.vm.name"),
                System.getProperty("java.version"), System.getProperty("os.name"));
    }

    /** The most resident memory the process has had (Linux's VmHWM), in MiB; empty where it cannot be read. */
    static Optional<Long> peakResidentMib(long pid) {
        return read(Path.of("/proc", String.valueOf(pid), "status"), "(?m)^VmHWM:\\s*(\\d+) kB")
                .map(kb -> Long.parseLong(kb) / 1024);
    }

    private static Optional<String> read(Path file, String pattern) {
        try {
            Matcher matcher = Pattern.compile(pattern).matcher(Files.readString(file));
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
