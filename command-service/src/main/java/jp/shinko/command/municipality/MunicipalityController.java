package jp.shinko.command.municipality;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jp.shinko.command.messaging.CommandIds;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Registers municipalities. Reading them is the query service's job. */
@RestController
class MunicipalityController {

    private final CommandGateway commandGateway;

    MunicipalityController(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @PostMapping("/municipalities")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a municipality",
            description = "Stores MunicipalityRegistered and publishes it to Kafka. Send an Idempotency-Key to make "
                    + "retries safe: the same key with the same body answers 201 again without storing anything.")
    @ApiResponse(responseCode = "201", description = "Registered (or an identical retry)")
    @ApiResponse(responseCode = "400", description = "A field is invalid, e.g. a wrong check digit; nothing stored")
    @ApiResponse(responseCode = "409", description = "The code is already registered; nothing stored")
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for a different body")
    MunicipalityRegistration register(@Valid @RequestBody RegisterMunicipalityRequest request) {
        String commandId = CommandIds.ofThisRequest();
        RegisterMunicipality command = request.toCommand();
        commandGateway.sendAndWait(command);
        return new MunicipalityRegistration(command.code().value(), command.name(), command.romanisedName(), commandId);
    }
}
