package jp.shinko.web.history;

import java.util.List;
import jp.shinko.web.backend.QueryService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/**
 * An entry's history as a timeline, as an auditor reads it: each change with its time in Tokyo,
 * the value before and after, the reason of a correction, and who made it (subject, role,
 * municipality and organisation, from their verified token).
 */
@Controller
class HistoryPages {

    private final QueryService query;

    HistoryPages(QueryService query) {
        this.query = query;
    }

    /**
     * One change on the timeline.
     *
     * @param at when it was recorded, in Tokyo time
     */
    record Change(String at, String before, String after, String reason, String who, String role,
            String municipality, String organisation) {

        static Change of(JsonNode change, String unit) {
            JsonNode actor = change.path("actor");
            return new Change(change.path("recordedAt").asString().replace('T', ' '),
                    shown(change.path("before"), unit), shown(change.path("after"), unit),
                    change.path("correctionReason").asString(""),
                    actor.path("subject").asString("（記録なし）"), actor.path("role").asString(""),
                    actor.path("municipalityCode").asString(""), actor.path("organisation").asString(""));
        }

        /** A figure with the indicator's unit (5回), a text as it is, anything else as the service wrote it. */
        private static String shown(JsonNode value, String unit) {
            if (value.isMissingNode() || value.isNull()) {
                return "（なし）";
            }
            if (value.isNumber()) {
                return value.decimalValue().toPlainString() + unit;
            }
            return value.isString() ? value.asString() : value.toString();
        }
    }

    @GetMapping("/municipalities/{code}/plans/{planId}/items/{itemId}/history")
    String history(@PathVariable String code, @PathVariable String planId, @PathVariable String itemId,
            @RequestParam String kind, @RequestParam String fiscalYear,
            @RegisteredOAuth2AuthorizedClient("shinko") OAuth2AuthorizedClient token, Model model) {
        JsonNode item = query.get(token, uri -> uri.path("/municipalities/{code}/plans/{planId}/items/{itemId}")
                .build(code, planId, itemId));
        JsonNode history = query.get(token, uri -> uri
                .path("/municipalities/{code}/plans/{planId}/progress/history/entries")
                .queryParam("kind", kind).queryParam("item", itemId).queryParam("fiscalYear", fiscalYear)
                .build(code, planId));
        String unit = kind.equals("rating") ? "" : item.path("indicator").path("unit").asString("");
        List<Change> changes = history.path("changes").valueStream().map(change -> Change.of(change, unit)).toList();
        model.addAttribute("item", item);
        model.addAttribute("kindJapanese", switch (kind) {
            case "target" -> "年間目標";
            case "actual" -> "実績";
            case "rating" -> "評価";
            default -> kind;
        });
        model.addAttribute("fiscalYear", fiscalYear);
        model.addAttribute("changes", changes);
        model.addAttribute("code", code);
        model.addAttribute("planId", planId);
        return "history";
    }
}
