package jp.shinko.query.deadletter;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The health component {@code deadLetters}: DOWN while any projection has parked an event, with
 * the first parked events named, so that an operator sees at once that some records are not
 * shown as stored and which event stopped them.
 */
@Component("deadLetters")
class DeadLetterHealth extends AbstractHealthIndicator {

    private static final int SHOWN = 5;

    private final DeadLetters deadLetters;

    DeadLetterHealth(DeadLetters deadLetters) {
        super("The parked events could not be read");
        this.deadLetters = deadLetters;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long parked = deadLetters.count();
        builder.withDetail("parkedEvents", parked);
        if (parked == 0) {
            builder.up();
            return;
        }
        builder.down().withDetail("first", deadLetters.list(SHOWN))
                .withDetail("retry", "POST /admin/projections/dead-letters/retry once the cause is fixed");
    }
}
