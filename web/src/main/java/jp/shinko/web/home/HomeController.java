package jp.shinko.web.home;

import jp.shinko.web.backend.QueryService;
import jp.shinko.web.signin.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Home: for a municipality's people, what is due and overdue for them (the missing-reports rule of
 * the query service, their organisation's rows only when they are bound to one), each with a link
 * to its plan, and their plans; for the Metropolitan Government and the platform, every
 * municipality, 200 to a page in code order.
 */
@Controller
class HomeController {

    /**
     * Municipalities listed on one page of the home: a country's 1,741 in one table took the page
     * 500–750 ms to render (issue 22's national run).
     */
    static final int MUNICIPALITIES_PER_PAGE = 200;

    private final QueryService query;

    HomeController(QueryService query) {
        this.query = query;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal OidcUser user,
            @RegisteredOAuth2AuthorizedClient("shinko") OAuth2AuthorizedClient token,
            @RequestParam(defaultValue = "0") int page, Model model) {
        SignedIn person = SignedIn.of(user);
        if (person.municipal()) {
            String code = person.actor().municipalityCode().value();
            model.addAttribute("municipality", query.get(token, uri -> uri.path("/municipalities/{code}")
                    .build(code)));
            model.addAttribute("overdue", query.wholeTable(token, uri -> uri.path("/cross-city/missing-reports")
                    .queryParam("municipality", code).build()).path("items").valueStream()
                    .filter(report -> person.actor().organisation() == null || report.path("organisation").isNull()
                            || person.actor().organisation().equals(report.path("organisation").asString()))
                    .toList());
            model.addAttribute("plans", query.get(token, uri -> uri.path("/municipalities/{code}/plans")
                    .build(code)).path("plans"));
        } else {
            model.addAttribute("municipalities", ListPage.of(query.get(token, uri -> uri.path("/municipalities")
                    .build()).path("items").valueStream().toList(), page, MUNICIPALITIES_PER_PAGE));
        }
        return "home";
    }
}
