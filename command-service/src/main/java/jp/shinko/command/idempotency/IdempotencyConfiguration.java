package jp.shinko.command.idempotency;

import java.time.Clock;
import java.time.Duration;
import jp.shinko.infra.edge.CallerWaits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Idempotency-Keys: how long an answer is kept ({@code shinko.idempotency.retention}, 24 h),
 * how long a running request's claim holds if its instance dies ({@code .lease}, 30 s: far
 * longer than any request runs, so a repeat sent to another instance runs half a minute after a
 * crash at most), how long a repeat waits for the first answer ({@code .wait-for-first}, 5 s)
 * and how often expired keys are deleted ({@code .purge-every}, 1 h).
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    /** After the access check, which the command bus orders first. */
    static final int GATE_ORDER = 100;

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyConfiguration.class);

    @Bean
    IdempotencyKeys idempotencyKeys(JdbcClient jdbc, Clock clock,
            @Value("${shinko.idempotency.retention:PT24H}") Duration retention,
            @Value("${shinko.idempotency.lease:PT30S}") Duration lease) {
        return new IdempotencyKeys(jdbc, clock, retention, lease);
    }

    @Bean
    IdempotentRequests idempotentRequests(IdempotencyKeys keys) {
        return new IdempotentRequests(keys);
    }

    @Bean
    @Order(GATE_ORDER)
    TakenKeyGate takenKeyGate() {
        return new TakenKeyGate();
    }

    @Bean
    TakenKeyAnswers takenKeyAnswers(IdempotencyKeys keys, CallerWaits callerWaits,
            @Value("${shinko.idempotency.wait-for-first:PT5S}") Duration waitForFirst) {
        return new TakenKeyAnswers(keys, callerWaits, waitForFirst);
    }

    @Bean
    ExpiredKeysPurge expiredKeysPurge(IdempotencyKeys keys) {
        return new ExpiredKeysPurge(keys);
    }

    /** Deletes expired keys now and then; an expired key is a new request whether or not it was deleted. */
    static final class ExpiredKeysPurge {

        private final IdempotencyKeys keys;

        ExpiredKeysPurge(IdempotencyKeys keys) {
            this.keys = keys;
        }

        @Scheduled(fixedDelayString = "${shinko.idempotency.purge-every:PT1H}",
                initialDelayString = "${shinko.idempotency.purge-every:PT1H}")
        int purge() {
            int deleted = keys.purge();
            if (deleted > 0) {
                LOG.info("Deleted {} expired Idempotency-Keys", deleted);
            }
            return deleted;
        }
    }
}
