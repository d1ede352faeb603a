package jp.shinko.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.security.AccessRefused;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tamper evidence for auditors: a municipality's hash chain computed again from its stored
 * events, and the events with their links as a bundle to check offline (README, "Audit").
 */
@RestController
@RequestMapping("/municipalities/{code}/audit")
class AuditController {

    private static final MediaType JSON_LINES = MediaType.parseMediaType("application/jsonl");

    private final ChainedEvents events;
    private final JsonMapper json;

    AuditController(ChainedEvents events, JsonMapper json) {
        this.events = events;
        this.json = json;
    }

    @GetMapping("/chain")
    @Operation(summary = "Verify a municipality's hash chain",
            description = "Computes every link again from the stored events, in order, and reports the head and the "
                    + "first link that does not match. Auditors and admins.")
    @ApiResponse(responseCode = "200", description = "The verification, intact or not")
    @ApiResponse(responseCode = "403", description = "Only an auditor or an admin may")
    ChainVerification verify(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "132284") @PathVariable MunicipalityCode code) {
        MunicipalityCode municipality = audited(actor, code);
        ChainVerification.Verifier verifier = new ChainVerification.Verifier(municipality.value());
        events.forEach(municipality, verifier::accept);
        return verifier.result();
    }

    @GetMapping("/bundle.jsonl")
    @Operation(summary = "A municipality's events with their links, one JSON object per line, to verify offline",
            description = "Payload and metadata are given exactly as stored (base64), and also readable (event, "
                    + "metaData). consumers/audit-verifier/verify-bundle.py checks a bundle. Auditors and admins.")
    @ApiResponse(responseCode = "200", description = "The bundle")
    @ApiResponse(responseCode = "403", description = "Only an auditor or an admin may")
    ResponseEntity<StreamingResponseBody> bundle(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "132284") @PathVariable MunicipalityCode code) {
        MunicipalityCode municipality = audited(actor, code);
        StreamingResponseBody body = out -> events.forEach(municipality, event -> write(out, event));
        return ResponseEntity.ok()
                .contentType(JSON_LINES)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("audit-" + municipality.value() + ".jsonl").build().toString())
                .body(body);
    }

    private void write(OutputStream out, ChainedEvents.ChainedEvent event) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("position", event.entry().position());
        line.put("globalIndex", event.globalIndex());
        line.put("eventId", event.entry().eventId());
        line.put("aggregateId", event.entry().aggregateId());
        line.put("sequence", event.entry().sequence());
        line.put("aggregateType", event.entry().aggregateType());
        line.put("recordedAt", event.entry().recordedAt().toString());
        line.put("payloadType", event.entry().payloadType());
        line.put("payloadRevision", event.entry().payloadRevision());
        line.put("payloadBase64", Base64.getEncoder().encodeToString(event.entry().payload()));
        line.put("metaDataBase64", Base64.getEncoder().encodeToString(event.entry().metaData()));
        line.put("event", json.readTree(event.entry().payload()));
        line.put("metaData", json.readTree(event.entry().metaData()));
        line.put("link", event.storedLink() == null ? null : HexFormat.of().formatHex(event.storedLink()));
        try {
            out.write(json.writeValueAsBytes(line));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MunicipalityCode audited(Actor actor, MunicipalityCode code) {
        MunicipalityCode municipality = code;
        if (actor.role() != Role.AUDITOR && actor.role() != Role.ADMIN) {
            throw new AccessRefused(actor.describe() + " may not audit municipality " + municipality
                    + "'s records; only an auditor or an admin may");
        }
        return municipality;
    }
}
