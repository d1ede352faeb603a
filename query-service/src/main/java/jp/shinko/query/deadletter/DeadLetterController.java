package jp.shinko.query.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import jp.shinko.events.InvalidField;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.infra.security.AccessRefused;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The admin's view of the events the projections parked, and the retry once their cause is fixed. */
@RestController
@RequestMapping("/admin/projections/dead-letters")
class DeadLetterController {

    private static final int MAX_LISTED = 1000;

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** The parked events, and how many there are in all. */
    record Parked(long total, List<DeadLetters.DeadLetter> events) {
    }

    /** What a retry did: aggregates whose events left the queue, and how many events are still parked. */
    record Retried(int aggregatesProcessed, long stillParked) {
    }

    @GetMapping
    @Operation(summary = "The events a projection could not process, parked with their cause",
            description = "Later events of the same record are parked behind the first, so its order holds.")
    @ApiResponse(responseCode = "200", description = "The parked events, oldest first")
    @ApiResponse(responseCode = "403", description = "Only an admin may see them")
    Parked list(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "100") int limit) {
        admin(actor, "see the parked events");
        if (limit < 1 || limit > MAX_LISTED) {
            throw new InvalidField("limit", limit, "1 to " + MAX_LISTED + " events");
        }
        return new Parked(deadLetters.count(), deadLetters.list(limit));
    }

    @PostMapping("/retry")
    @Operation(summary = "Process the parked events again, each record's in order",
            description = "An event that fails again stays parked with its new cause.")
    @ApiResponse(responseCode = "200", description = "What was processed and what is still parked")
    @ApiResponse(responseCode = "403", description = "Only an admin may retry")
    Retried retry(@AuthenticationPrincipal Actor actor) {
        admin(actor, "retry the parked events");
        return new Retried(deadLetters.retry(), deadLetters.count());
    }

    private static void admin(Actor actor, String operation) {
        if (actor.role() != Role.ADMIN) {
            throw AccessRefused.toOperate(actor, operation);
        }
    }
}
