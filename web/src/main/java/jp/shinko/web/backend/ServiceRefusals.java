package jp.shinko.web.backend;

import jp.shinko.web.asof.AsOfChoice;
import jp.shinko.web.signin.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A service's refusal shown as a page with the same status: 403 when the person may not see it,
 * 404 when there is no such record, and the service's own words of why.
 */
@ControllerAdvice
class ServiceRefusals {

    private final AsOfChoice asOf;

    ServiceRefusals(AsOfChoice asOf) {
        this.asOf = asOf;
    }

    @ExceptionHandler(ServiceRefused.class)
    ModelAndView refused(ServiceRefused refused) {
        HttpStatus status = HttpStatus.resolve(refused.status());
        ModelAndView page = new ModelAndView("refused");
        // an exception handler's page gets no @ModelAttribute: the header's person is added here
        SignedIn.current().ifPresent(person -> page.addObject("person", person));
        asOf.shown().ifPresent(shown -> page.addObject("asOf", shown));
        page.addObject("status", refused.status());
        page.addObject("heading", switch (refused.status()) {
            case 403 -> "この画面を見る権限がありません";
            case 404 -> "お探しの記録はありません";
            default -> "処理できませんでした";
        });
        page.addObject("detail", refused.getMessage());
        page.setStatus(status == null ? HttpStatus.BAD_GATEWAY : status);
        return page;
    }
}
