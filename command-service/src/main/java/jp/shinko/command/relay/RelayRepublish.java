package jp.shinko.command.relay;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import jp.shinko.events.InvalidField;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.calendar.TokyoTime;
import jp.shinko.infra.eventstore.StoredPositions;
import jp.shinko.infra.security.AccessRefused;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
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

    private final EventProcessingConfiguration processing;
    private final StoredPositions positions;

    RelayRepublish(EventProcessingConfiguration processing, StoredPositions positions) {
        this.processing = processing;
        this.positions = positions;
    }

    /** What a re-publication answers: from when, and how many events it sends again. */
    record Republication(OffsetDateTime from, long events) {
    }

    @PostMapping("/admin/relay/republish")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Publish every event recorded since a time to Kafka again",
            description = "The events keep their eventId; consumers that dedupe on it see no change. Admins only.")
    @ApiResponse(responseCode = "202", description = "The relay has moved back and is publishing")
    @ApiResponse(responseCode = "400", description = "from is not a time")
    @ApiResponse(responseCode = "403", description = "Only an admin may")
    Republication republish(@AuthenticationPrincipal Actor actor,
            @Parameter(description = "ISO 8601 with offset, or a date: from the start of that day in Asia/Tokyo",
                    example = "2024-05-01T00:00:00+09:00") @RequestParam String from) {
        if (actor.role() != Role.ADMIN) {
            throw AccessRefused.toOperate(actor, "publish events to Kafka again");
        }
        Instant since = instant(from);
        StreamingEventProcessor relay = processing.eventProcessor(KafkaRelay.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        relay.shutDown();
        try {
            // never past where the relay is, nor past a gap it still waits for: nothing is skipped
            List<TrackingToken> current = positions.segments(KafkaRelay.PROCESSING_GROUP).stream()
                    .map(segment -> (TrackingToken) segment.token()).toList();
            relay.resetTokens(source -> {
                StreamableMessageSource<?> events = (StreamableMessageSource<?>) source;
                if (current.contains(null)) {
                    return events.createTailToken(); // a segment that has read nothing starts from the first event
                }
                return current.stream().reduce(events.createTokenAt(since), TrackingToken::lowerBound);
            });
        } finally {
            relay.start();
        }
        long events = positions.eventsRecordedSince(since);
        LOG.info("{} asked to publish again the {} events recorded since {}", actor.subject(), events, since);
        return new Republication(TokyoTime.of(since), events);
    }

    private static Instant instant(String text) {
        try {
            return TokyoTime.startOf(text);
        } catch (DateTimeParseException invalid) {
            throw new InvalidField("from", text, "a time in ISO 8601 with its offset, such as "
                    + "2024-05-01T00:00:00+09:00, or a date such as 2024-05-01 (from the start of that day in Tokyo)");
        }
    }
}
