package jp.shinko.web.plans;

import java.util.HashMap;
import java.util.Map;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.web.backend.CommandService;
import jp.shinko.web.backend.ServiceRefused;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Closing a fiscal year, usually after its report to the council: from then on every change to
 * the year's figures and statuses asks for its reason (the entry forms and the upload have a 訂正理由
 * field). The command service decides whether the year may be closed (over, within the plan, by
 * an editor not bound to one organisation); its refusal is shown beside the year's form.
 */
@Controller
class YearClosing {

    private final CommandService command;

    YearClosing(CommandService command) {
        this.command = command;
    }

    @PostMapping("/municipalities/{code}/plans/{planId}/fiscal-years/{fiscalYear}/close")
    String close(@PathVariable String code, @PathVariable String planId, @PathVariable String fiscalYear,
            @RequestParam(required = false) String councilReportedOn,
            @RegisteredOAuth2AuthorizedClient("shinko") OAuth2AuthorizedClient token, RedirectAttributes redirect) {
        Map<String, Object> body = new HashMap<>();
        if (councilReportedOn != null && !councilReportedOn.isBlank()) {
            body.put("councilReportedOn", councilReportedOn.strip());
        }
        String plan = "/municipalities/" + code + "/plans/" + planId;
        try {
            command.post(token, UriComponentsBuilder.fromPath(plan + "/fiscal-years/{fiscalYear}/close")
                    .buildAndExpand(fiscalYear).toUriString(), body);
            FiscalYear closed = FiscalYear.parse(fiscalYear);
            redirect.addFlashAttribute("closedYear", closed.japanese());
            // the plan's page is read from the projection, which may not have the closing yet
            redirect.addFlashAttribute("closedYearValue", closed.value());
        } catch (ServiceRefused refused) {
            if (refused.status() == 403 || refused.status() == 404) {
                throw refused;
            }
            redirect.addFlashAttribute("closeProblemYear", fiscalYear);
            redirect.addFlashAttribute("closeProblem", refused.getMessage());
        }
        return "redirect:" + plan + "#year-" + fiscalYear;
    }
}
