package jp.shinko.command.municipality;

import java.util.Map;
import jp.shinko.command.problem.RuleViolation;
import jp.shinko.infra.edge.ProblemType;

/** A retry that is not a retry: the same Idempotency-Key with different content. */
class IdempotencyKeyReused extends RuleViolation {

    IdempotencyKeyReused(String idempotencyKey) {
        super(ProblemType.IDEMPOTENCY_KEY_REUSED,
                "Idempotency-Key " + idempotencyKey + " was already used for a request with different content; "
                        + "send a new key for a new request",
                Map.of("idempotencyKey", idempotencyKey));
    }
}
