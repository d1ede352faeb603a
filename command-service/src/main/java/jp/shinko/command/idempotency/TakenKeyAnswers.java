package jp.shinko.command.idempotency;

import java.time.Duration;
import java.util.Optional;
import jp.shinko.command.idempotency.IdempotencyKeys.Kept;
import jp.shinko.command.idempotency.TakenKeyGate.IdempotencyKeyTaken;
import jp.shinko.infra.edge.CallerWaits;
import jp.shinko.infra.edge.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a request stopped by {@link TakenKeyGate}: with the kept answer of the request that
 * took the key if this one is the same request (waiting for it, at most
 * {@code shinko.idempotency.wait-for-first}, while it still runs); {@code 422
 * idempotency-key-reused} if it is another request; {@code 409 idempotency-request-in-progress}
 * with {@code Retry-After} if the first is still running after the wait, if the caller already
 * has too many such waits, or if the first was refused meanwhile (and so not kept).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
final class TakenKeyAnswers {

    private static final Duration CHECK_EVERY = Duration.ofMillis(20);

    private final IdempotencyKeys keys;
    private final CallerWaits waits;
    private final Duration waitForFirst;

    TakenKeyAnswers(IdempotencyKeys keys, CallerWaits waits, Duration waitForFirst) {
        this.keys = keys;
        this.waits = waits;
        this.waitForFirst = waitForFirst;
    }

    @ExceptionHandler(IdempotencyKeyTaken.class)
    ResponseEntity<?> answer(IdempotencyKeyTaken taken) throws InterruptedException {
        TakenKey key = taken.key();
        long deadline = System.nanoTime() + waitForFirst.toNanos(); // elapsed time, not the (injectable) clock
        Optional<CallerWaits.Wait> wait = Optional.empty();
        try {
            while (true) {
                Optional<Kept> kept = keys.read(key.subject(), key.key());
                if (kept.isEmpty()) {
                    return inProgress(key, "was refused or ended without an answer while this one waited, so "
                            + "nothing was kept; send this request again", 0);
                }
                if (!kept.get().fingerprint().equals(key.fingerprint())) {
                    return ResponseEntity.unprocessableContent().body(ProblemType.IDEMPOTENCY_KEY_REUSED.detail(
                            "Idempotency-Key " + key.key() + " was already used for a request with different "
                                    + "content; send a new key for a new request"));
                }
                if (kept.get().answered()) {
                    return replay(kept.get());
                }
                if (wait.isEmpty()) {
                    wait = waits.begin(key.subject());
                    if (wait.isEmpty()) {
                        return inProgress(key, "is still running, and you already wait for " + waits.perCaller()
                                + " answers; retry later", 1);
                    }
                }
                if (System.nanoTime() - deadline >= 0) {
                    return inProgress(key, "is still running after " + waitForFirst.toSeconds() + " s; retry later", 1);
                }
                Thread.sleep(CHECK_EVERY.toMillis());
            }
        } finally {
            wait.ifPresent(CallerWaits.Wait::close);
        }
    }

    private static ResponseEntity<byte[]> replay(Kept kept) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(kept.status())
                .header(IdempotentRequests.REPLAY_HEADER, "true");
        if (kept.contentType() != null) {
            answer.contentType(MediaType.parseMediaType(kept.contentType()));
        }
        return answer.body(kept.body());
    }

    private static ResponseEntity<ProblemDetail> inProgress(TakenKey key, String what, int retryAfterSeconds) {
        ProblemDetail problem = ProblemType.IDEMPOTENCY_REQUEST_IN_PROGRESS.detail(
                "the first request with Idempotency-Key " + key.key() + " " + what);
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds))
                .body(problem);
    }
}
