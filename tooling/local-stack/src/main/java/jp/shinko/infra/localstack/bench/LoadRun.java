package jp.shinko.infra.localstack.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

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
        return run(clients, warmUpEnds, () -> System.nanoTime() < ends, request);
    }

    /**
     * Runs the clients in the background, without a warm-up, until what is measured beside them
     * is done: {@code beside} runs in this thread, then the clients stop and their result is answered.
     */
    static Result beside(int clients, Request request, Measurement beside) throws Exception {
        AtomicBoolean going = new AtomicBoolean(true);
        Result[] result = new Result[1];
        Thread load = new Thread(() -> {
            try {
                result[0] = run(clients, System.nanoTime(), going::get, request);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }, "bench-background-load");
        load.start();
        try {
            beside.run();
        } finally {
            going.set(false);
            load.join();
        }
        return result[0];
    }

    /** What is measured while the background load runs. */
    @FunctionalInterface
    interface Measurement {
        void run() throws Exception;
    }

    private static Result run(int clients, long warmUpEnds, BooleanSupplier going, Request request)
            throws InterruptedException {
        AtomicLong units = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        List<String> failureMessages = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            int id = client;
            Thread thread = new Thread(() -> {
                List<Long> own = new ArrayList<>();
                for (long sequence = 0; going.getAsBoolean(); sequence++) {
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
