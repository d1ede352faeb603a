package jp.shinko.infra.localstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.shinko.infra.embedded.ServiceProcess;

/**
 * Each service's heap over the whole run: the JDK's {@code jstat -gc} samples every service every
 * two seconds into a file beside the logs, and the figure is the most heap in use at any sample
 * (young and old generations, garbage not yet collected included) and the share of the run spent
 * in garbage collection. Peak resident memory (figure 7) counts the whole process; this counts
 * what the {@code -Xmx} bound limits.
 */
final class HeapWatch implements AutoCloseable {

    private static final String INTERVAL_MS = "2000";

    private final Map<String, Path> samples = new LinkedHashMap<>();
    private final List<Process> samplers = new ArrayList<>();

    private HeapWatch() {
    }

    /** Starts sampling the services; a machine without {@code jstat} gives no figure, not a failure. */
    static HeapWatch of(List<ServiceProcess> services, Path folder) throws IOException {
        HeapWatch watch = new HeapWatch();
        Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
        if (!Files.isExecutable(jstat)) {
            return watch;
        }
        for (ServiceProcess service : services) {
            Path file = folder.resolve(service.name() + "-heap.jstat");
            watch.samples.put(service.name(), file);
            watch.samplers.add(new ProcessBuilder(jstat.toString(), "-gc", String.valueOf(service.pid()), INTERVAL_MS)
                    .redirectErrorStream(true).redirectOutput(file.toFile()).start());
        }
        return watch;
    }

    /** Per service: the most heap in use at a sample and the share of time in collections; or why none. */
    List<String> figures() {
        if (samples.isEmpty()) {
            return List.of("not measured: this Java has no jstat");
        }
        List<String> figures = new ArrayList<>();
        samples.forEach((service, file) -> figures.add(service + " " + peak(file).orElse("unknown")));
        return figures;
    }

    private static Optional<String> peak(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            List<String> header = lines.isEmpty() ? List.of() : Arrays.asList(lines.get(0).strip().split("\\s+"));
            double peakKb = 0;
            double[] last = null;
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] columns = line.strip().split("\\s+");
                if (columns.length != header.size() || !columns[0].matches("[0-9.]+")) {
                    continue; // a repeated header, or the line jstat wrote as the service stopped
                }
                double[] values = Arrays.stream(columns).mapToDouble(Double::parseDouble).toArray();
                peakKb = Math.max(peakKb, values[header.indexOf("S0U")] + values[header.indexOf("S1U")]
                        + values[header.indexOf("EU")] + values[header.indexOf("OU")]);
                last = values;
            }
            if (last == null) {
                return Optional.empty();
            }
            double seconds = (lines.size() - 1) * Double.parseDouble(INTERVAL_MS) / 1000;
            return Optional.of(String.format(Locale.ROOT, "%.0f MiB (%.1f%% of the run in GC)", peakKb / 1024,
                    100 * last[header.indexOf("GCT")] / Math.max(1, seconds)));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        samplers.forEach(Process::destroy);
    }
}
