package jp.shinko.command.relay;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Duration;
import java.time.DateTimeException;
import jp.shinko.events.InvalidField;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.calendar.TokyoTime;
import jp.shinko.infra.eventstore.StoredPositions;
import jp.shinko.infra.security.AccessRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes every event recorded since a time again, for a consumer that lost its copy or
 * starts later than the topic's history reaches. The relay is moved back to the first event
 * recorded at or after that time and goes on from there; the events keep their ids, so
 * consumers that dedupe see nothing new.
 */
@RestController
class RelayRepublish {

    private static final Logger LOG = LoggerFactory.getLogger(RelayRepublish.class);

    /** Nothing was recorded before this, and PostgreSQL keeps no time after the latest; others are typing errors. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T14:59:59.999999Z");
    private static final Duration WAIT_FOR_RELAY = Duration.ofSeconds(10);
    private static final Duration CHECK_EVERY = Duration.ofMillis(20);

    private final Republications republications;
    private final StoredPositions positions;

    RelayRepublish(Republications republications, StoredPositions positions) {
        this.republications = republications;
        this.positions = positions;
    }

    /**
     * What a re-publication answers: from when, how many events it sends again, and whether the
     * relay has moved back yet ({@code applied}) or will as soon as the instance holding it looks
     * ({@code pending}).
     */
    record Republication(OffsetDateTime from, long events, String state) {
    }

    @PostMapping("/admin/relay/republish")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Publish every event recorded since a time to Kafka again",
            description = "The events keep their eventId; consumers that dedupe on it see no change. Admins only. "
                    + "Any instance takes the request; the one whose relay is publishing moves it back.")
    @ApiResponse(responseCode = "202", description = "The relay has moved back and is publishing (applied), or will "
            + "within a moment (pending)")
    @ApiResponse(responseCode = "400", description = "from is not a time between 2000-01-01 and 9999-12-31")
    @ApiResponse(responseCode = "403", description = "Only an admin may")
    Republication republish(@AuthenticationPrincipal Actor actor,
            @Parameter(description = "ISO 8601 with offset, or a date: from the start of that day in Asia/Tokyo",
                    example = "2024-05-01T00:00:00+09:00") @RequestParam(required = false) String from)
            throws InterruptedException {
        if (actor.role() != Role.ADMIN) {
            throw AccessRefused.toOperate(actor, "publish events to Kafka again");
        }
        if (from == null) {
            throw new InvalidField("from", null, "is required: the time from which events are published again");
        }
        Instant since = instant(from);
        long request = republications.request(since, actor.subject());
        republications.applyPending();
        long deadline = System.nanoTime() + WAIT_FOR_RELAY.toNanos(); // elapsed time, not the (injectable) clock
        boolean applied = republications.applied(request);
        while (!applied && System.nanoTime() - deadline < 0) {
            Thread.sleep(CHECK_EVERY.toMillis());
            applied = republications.applied(request);
        }
        long events = positions.eventsRecordedSince(since);
        LOG.info("{} asked to publish again the {} events recorded since {} ({})", actor.subject(), events, since,
                applied ? "done" : "pending");
        return new Republication(TokyoTime.of(since), events, applied ? "applied" : "pending");
    }

    private Instant instant(String text) {
        Instant since;
        try {
            since = TokyoTime.startOf(text.strip());
        } catch (DateTimeException invalid) {
            throw new InvalidField("from", text, "a time in ISO 8601 with its offset, such as "
                    + "2024-05-01T00:00:00+09:00, or a date such as 2024-05-01 (from the start of that day in Tokyo)");
        }
        if (since.isBefore(EARLIEST) || since.isAfter(LATEST)) {
            throw new InvalidField("from", text, "a time from 2000-01-01 to 9999-12-31: the events recorded since "
                    + "then are published again");
        }
        return since;
    }
}
