package jp.shinko.web.kpis;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.shinko.web.backend.CommandService;
import jp.shinko.web.backend.QueryService;
import jp.shinko.web.backend.ServiceRefused;
import jp.shinko.web.signin.SignedIn;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Tama's KPI table on the screen: each 成果指標 with its source, baseline, target (as the city
 * words them where it does), the latest published figure with its year and day of publication,
 * its standing, and when the next figure is expected; for the city's editors, a newly published
 * figure to record on the KPI's row (a later figure for the same year supersedes the earlier).
 */
@Controller
class KpiPages {

    private final QueryService query;
    private final CommandService command;

    KpiPages(QueryService query, CommandService command) {
        this.query = query;
        this.command = command;
    }

    /** A KPI's line as the page shows it: every figure already as text. */
    record KpiRow(String kpiId, String name, String unit, String source, String baseline, String target,
            String latest, String publishedOn, String assessment, String nextFigureExpected) {
    }

    @GetMapping("/municipalities/{code}/plans/{planId}/kpis")
    String kpis(@PathVariable String code, @PathVariable String planId,
            @RegisteredOAuth2AuthorizedClient("shinko") OAuth2AuthorizedClient token, Model model) {
        JsonNode table = query.wholeTable(token, uri -> uri.path("/municipalities/{code}/plans/{planId}/progress/kpis")
                .build(code, planId));
        List<KpiRow> rows = table.path("items").valueStream().map(kpi -> new KpiRow(kpi.path("kpiId").asString(),
                kpi.path("name").asString(), kpi.path("unit").asString(""), kpi.path("source").asString(""),
                kpi.path("baselineWording").isString() ? kpi.path("baselineWording").asString()
                        : figure(kpi.path("baseline")),
                kpi.path("targetWording").isString() ? kpi.path("targetWording").asString()
                        : target(kpi.path("target")),
                figure(kpi.path("latest")), kpi.path("latestPublishedOn").asString(""),
                kpi.path("assessmentJapanese").asString(""), kpi.path("nextFigureExpected").asString(""))).toList();
        model.addAttribute("table", table);
        model.addAttribute("rows", rows);
        model.addAttribute("code", code);
        model.addAttribute("planId", planId);
        model.addAttribute("mayEdit", SignedIn.mayWrite(code));
        return "kpis";
    }

    @PostMapping("/municipalities/{code}/plans/{planId}/kpis/{kpiId}/observations")
    String observe(@PathVariable String code, @PathVariable String planId, @PathVariable String kpiId,
            @RequestParam String value, @RequestParam String fromYear, @RequestParam(required = false) String toYear,
            @RequestParam String publishedOn,
            @RegisteredOAuth2AuthorizedClient("shinko") OAuth2AuthorizedClient token, Model model) {
        Map<String, Object> figure = new HashMap<>();
        try {
            figure.put("value", new BigDecimal(value.strip().replace(",", "")));
            figure.put("fromYear", Integer.parseInt(fromYear.strip()));
            if (toYear != null && !toYear.isBlank()) {
                figure.put("toYear", Integer.parseInt(toYear.strip()));
            }
            command.post(token, UriComponentsBuilder.fromPath("/municipalities/{code}/plans/{planId}/kpis/{kpiId}"
                    + "/observations").buildAndExpand(code, planId, kpiId).toUriString(),
                    Map.of("figure", figure, "publishedOn", publishedOn.strip()));
        } catch (NumberFormatException notANumber) {
            return refused(code, planId, kpiId, token, model, figure.containsKey("value")
                    ? new ServiceRefused(400, "年は西暦の数字で入力してください（例: 2024）", "figure.fromYear")
                    : new ServiceRefused(400, "値は数値で入力してください（例: 3603）", "figure.value"));
        } catch (ServiceRefused refused) {
            if (refused.status() == 403 || refused.status() == 404) {
                throw refused;
            }
            return refused(code, planId, kpiId, token, model, refused);
        }
        return "redirect:/municipalities/" + code + "/plans/" + planId + "/kpis#kpi-" + kpiId;
    }

    private String refused(String code, String planId, String kpiId, OAuth2AuthorizedClient token, Model model,
            ServiceRefused refused) {
        model.addAttribute("problemKpi", kpiId);
        model.addAttribute("problem", refused.getMessage());
        model.addAttribute("problemField", refused.field() == null ? "" : refused.field());
        return kpis(code, planId, token, model);
    }

    /** A figure with its year or period, as Tama prints it: 3,603（2021年）. */
    private static String figure(JsonNode figure) {
        if (!figure.path("value").isNumber()) {
            return "";
        }
        JsonNode reference = figure.path("reference");
        int from = reference.path("fromYear").asInt();
        int to = reference.path("toYear").asInt(from);
        return figure.path("value").decimalValue().stripTrailingZeros().toPlainString() + "（"
                + (from == to ? from + "年" : from + "～" + to + "年") + "）";
    }

    /** A target the city did not word itself, from its kind. */
    private static String target(JsonNode target) {
        if (target.isMissingNode() || target.isNull()) {
            return "";
        }
        String by = target.path("byYear").isNumber() ? "（" + target.path("byYear").asInt() + "年）" : "";
        if (target.has("value")) {
            String value = target.path("value").decimalValue().stripTrailingZeros().toPlainString();
            return (target.path("kind").asString("").contains("most") ? value + "以下" : value + "以上") + by;
        }
        if (target.has("positive")) {
            return (target.path("positive").asBoolean() ? "プラス" : "マイナス") + by;
        }
        if (target.has("increase")) {
            return (target.path("increase").asBoolean() ? "基準値から増加" : "基準値から減少") + by;
        }
        if (target.has("otherKpiId")) {
            return target.path("otherKpiId").asString() + "を上回る" + by;
        }
        return target.toString();
    }
}
