package jp.shinko.web.audit;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import jp.shinko.events.calendar.TokyoTime;
import jp.shinko.web.backend.QueryService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/**
 * What an auditor checks: a municipality's hash chain computed again from its stored events, with
 * the head it ends at (the link the Kafka envelopes carry), the audit bundle to verify offline,
 * and what changed in a plan between two recorded instants, as a list and a download. The query
 * service decides who may (auditors and administrators for the chain and the bundle).
 */
@Controller
class AuditPages {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final QueryService query;

    AuditPages(QueryService query) {
        this.query = query;
    }

    @GetMapping("/municipalities/{code}/audit")
    String audit(@PathVariable String code,
            @RegisteredOAuth2AuthorizedClient("shinko") OAuth2AuthorizedClient token, Model model) {
        model.addAttribute("municipality", query.get(token, uri -> uri.path("/municipalities/{code}").build(code)));
        model.addAttribute("chain", query.get(token, uri -> uri.path("/municipalities/{code}/audit/chain")
                .build(code)));
        model.addAttribute("plans", query.get(token, uri -> uri.path("/municipalities/{code}/plans").build(code))
                .path("plans"));
        model.addAttribute("code", code);
        return "audit";
    }

    @GetMapping("/municipalities/{code}/audit/bundle.jsonl")
    ResponseEntity<byte[]> bundle(@PathVariable String code,
            @RegisteredOAuth2AuthorizedClient("shinko") OAuth2AuthorizedClient token) {
        return query.file(token, uri -> uri.path("/municipalities/{code}/audit/bundle.jsonl").build(code));
    }

    /**
     * What changed in a plan between two instants typed in Tokyo time; with no instants yet, the
     * form alone.
     */
    @GetMapping("/municipalities/{code}/plans/{planId}/changes")
    String changes(@PathVariable String code, @PathVariable String planId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RegisteredOAuth2AuthorizedClient("shinko") OAuth2AuthorizedClient token, Model model) {
        model.addAttribute("plan", query.get(token, uri -> uri.path("/municipalities/{code}/plans/{planId}")
                .build(code, planId)));
        model.addAttribute("code", code);
        model.addAttribute("planId", planId);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        if (from == null || from.isBlank()) {
            return "changes";
        }
        String fromInstant = instant(from);
        String toInstant = to == null || to.isBlank() ? null : instant(to);
        if (fromInstant == null || (toInstant == null && to != null && !to.isBlank())) {
            model.addAttribute("problemField", fromInstant == null ? "from" : "to");
            model.addAttribute("problem", "日時は 2026-04-01T09:00 のように入力してください（東京時間）。");
            return "changes";
        }
        model.addAttribute("fromInstant", fromInstant);
        model.addAttribute("toInstant", toInstant);
        JsonNode changes = query.get(token, uri -> {
            uri.path("/municipalities/{code}/plans/{planId}/progress/changes").queryParam("from", fromInstant);
            if (toInstant != null) {
                uri.queryParam("to", toInstant);
            }
            return uri.build(code, planId);
        });
        model.addAttribute("changes", changes);
        model.addAttribute("period", shown(changes.path("from").asString()) + " から "
                + shown(changes.path("to").asString()) + " まで（東京時間）の変更");
        model.addAttribute("lines", changes.path("changes").valueStream().map(AuditPages::line).toList());
        return "changes";
    }

    /** A changed row as the page lists it: what kind of record, which, how, and each field before → after. */
    record ChangeLine(String kind, String rowId, String change, List<FieldLine> fields) {
    }

    /** A field's value before and after, as text; （なし） where it had none. */
    record FieldLine(String field, String before, String after) {
    }

    private static ChangeLine line(JsonNode change) {
        String how = switch (change.path("change").asString()) {
            case "added" -> "追加";
            case "retired" -> "廃止";
            default -> "変更";
        };
        return new ChangeLine(change.path("kind").asString(), change.path("rowId").asString(), how,
                change.path("fields").valueStream().map(field -> new FieldLine(field.path("field").asString(),
                        text(field.path("before")), text(field.path("after")))).toList());
    }

    private static String text(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? "（なし）" : value.isString() ? value.asString()
                : value.toString();
    }

    @GetMapping("/municipalities/{code}/plans/{planId}/changes.{format:xlsx|csv}")
    ResponseEntity<byte[]> changesFile(@PathVariable String code, @PathVariable String planId,
            @PathVariable String format, @RequestParam String from, @RequestParam(required = false) String to,
            @RegisteredOAuth2AuthorizedClient("shinko") OAuth2AuthorizedClient token) {
        return query.file(token, uri -> {
            uri.path("/municipalities/{code}/plans/{planId}/progress/changes.{format}").queryParam("from", from);
            if (to != null && !to.isBlank()) {
                uri.queryParam("to", to);
            }
            return uri.build(code, planId, format);
        });
    }

    /** An instant the service answered (with its offset) as the page shows it: Tokyo time to the second. */
    private static String shown(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).atZoneSameInstant(TokyoTime.ZONE).format(SHOWN);
    }

    /** A time typed in Tokyo time (a date-time field's value) as an instant in UTC; null if it is not one. */
    private static String instant(String tokyoTime) {
        try {
            return LocalDateTime.parse(tokyoTime.strip()).atZone(TokyoTime.ZONE).toInstant().toString();
        } catch (DateTimeParseException notATime) {
            return null;
        }
    }
}
