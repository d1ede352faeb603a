package jp.shinko.infra.localstack.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many clients sending requests one after the other, each as fast as it is answered, for a
 * while: first a warm-up that is not counted, then the timed run.
 */
final class LoadRun {

    /** One client's next request: answers how many units (commands, events) it stored; throws when refused. */
    @FunctionalInterface
    interface Request {
        long send(int client, long sequence) throws Exception;
    }

    /** What a run did: units stored and requests answered in the timed part, their times, and the failures. */
    record Result(long units, long requests, long failures, Duration took, Latencies latencies, String firstFailure) {

        double unitsPerSecond() {
            return units / (took.toNanos() / 1e9);
        }
    }

    private LoadRun() {
    }

    static Result run(int clients, Duration warmUp, Duration timed, Request request) throws InterruptedException {
        long warmUpEnds = System.nanoTime() + warmUp.toNanos();
        long ends = warmUpEnds + timed.toNanos();
        AtomicLong units = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        List<String> failureMessages = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            int id = client;
            Thread thread = new Thread(() -> {
                List<Long> own = new ArrayList<>();
                for (long sequence = 0; System.nanoTime() < ends; sequence++) {
                    long started = System.nanoTime();
                    try {
                        long stored = request.send(id, sequence);
                        if (started >= warmUpEnds) {
                            units.addAndGet(stored);
                            own.add(System.nanoTime() - started);
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        failureMessages.add(e.getMessage());
                    }
                }
                times.addAll(own);
            }, "bench-client-" + id);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - warmUpEnds);
        return new Result(units.get(), times.size(), failures.get(), took, Latencies.ofNanos(times),
                failureMessages.isEmpty() ? null : failureMessages.get(0));
    }
}
