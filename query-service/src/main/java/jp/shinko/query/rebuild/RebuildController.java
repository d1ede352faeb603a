package jp.shinko.query.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.infra.security.AccessRefused;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The admin's rebuild of every projection from the event store, and its progress. */
@RestController
@RequestMapping("/admin/projections/rebuild")
class RebuildController {

    private static final String OPERATION = "rebuild the projections";

    private final ProjectionRebuild rebuild;

    RebuildController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild every projection from the first event",
            description = "Queries keep being answered from the tables as they stood until the rebuild is done. "
                    + "While one runs, asking again answers its progress.")
    @ApiResponse(responseCode = "202", description = "Began, or already running: its progress")
    @ApiResponse(responseCode = "403", description = "Only an admin may rebuild")
    RebuildStatus start(@AuthenticationPrincipal Actor actor) {
        return rebuild.start(admin(actor).subject());
    }

    @GetMapping
    @Operation(summary = "The progress of the running or last rebuild")
    @ApiResponse(responseCode = "200", description = "Events done of the total, rate and time left")
    @ApiResponse(responseCode = "403", description = "Only an admin may see it")
    RebuildStatus status(@AuthenticationPrincipal Actor actor) {
        admin(actor);
        return rebuild.status();
    }

    private static Actor admin(Actor actor) {
        if (actor.role() != Role.ADMIN) {
            throw AccessRefused.toOperate(actor, OPERATION);
        }
        return actor;
    }
}
