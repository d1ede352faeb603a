package jp.shinko.web.progress;

import java.math.BigDecimal;
import java.util.HashMap;
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

/**
 * Akiruno's table on the screen: for a fiscal year each item with its indicator, target, actual,
 * achievement rate and rating as the city's scheme gives it, and, for its editors, the actual to
 * enter row by row. A refused entry is shown on its row, next to the field the service names, and
 * nothing is stored; an accepted one brings the page back with the new rate and rating.
 */
@Controller
class AnnualPages {

    private final QueryService query;
    private final CommandService command;

    AnnualPages(QueryService query, CommandService command) {
        this.query = query;
        this.command = command;
    }

    @GetMapping("/municipalities/{code}/plans/{planId}/annual")
    String annual(@PathVariable String code, @PathVariable String planId, @RequestParam String fiscalYear,
            @RegisteredOAuth2AuthorizedClient("shinko") OAuth2AuthorizedClient token, Model model) {
        model.addAttribute("municipality", query.get(token, uri -> uri.path("/municipalities/{code}").build(code)));
        model.addAttribute("table", query.wholeTable(token, uri -> uri
                .path("/municipalities/{code}/plans/{planId}/progress/annual")
                .queryParam("fiscalYear", fiscalYear).build(code, planId)));
        model.addAttribute("code", code);
        model.addAttribute("planId", planId);
        model.addAttribute("fiscalYear", fiscalYear);
        model.addAttribute("mayEdit", SignedIn.mayWrite(code));
        return "annual";
    }

    @PostMapping("/municipalities/{code}/plans/{planId}/annual/{itemId}/actual")
    String recordActual(@PathVariable String code, @PathVariable String planId, @PathVariable String itemId,
            @RequestParam String fiscalYear, @RequestParam String value, @RequestParam String unit,
            @RequestParam(required = false) String correctionReason,
            @RegisteredOAuth2AuthorizedClient("shinko") OAuth2AuthorizedClient token, Model model) {
        Map<String, Object> body = new HashMap<>();
        body.put("unit", unit);
        if (correctionReason != null && !correctionReason.isBlank()) {
            body.put("correctionReason", correctionReason);
        }
        try {
            body.put("value", new BigDecimal(value.strip()));
            command.put(token, UriComponentsBuilder.fromPath("/municipalities/{code}/plans/{planId}/items/{itemId}"
                    + "/annual-actuals/{fiscalYear}").buildAndExpand(code, planId, itemId, fiscalYear).toUriString(),
                    body);
        } catch (NumberFormatException notANumber) {
            return refusedOnItsRow(code, planId, itemId, fiscalYear, token, model,
                    new ServiceRefused(400, "実績は数値で入力してください（例: 18）", "value"));
        } catch (ServiceRefused refused) {
            if (refused.status() == 403 || refused.status() == 404) {
                throw refused;
            }
            return refusedOnItsRow(code, planId, itemId, fiscalYear, token, model, refused);
        }
        return "redirect:/municipalities/" + code + "/plans/" + planId + "/annual?fiscalYear=" + fiscalYear
                + "#item-" + itemId;
    }

    private String refusedOnItsRow(String code, String planId, String itemId, String fiscalYear,
            OAuth2AuthorizedClient token, Model model, ServiceRefused refused) {
        model.addAttribute("problemItem", itemId);
        model.addAttribute("problem", refused.getMessage());
        model.addAttribute("problemField", refused.field() == null ? "value" : refused.field());
        return annual(code, planId, fiscalYear, token, model);
    }
}
