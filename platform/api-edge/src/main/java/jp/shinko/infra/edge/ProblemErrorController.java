package jp.shinko.infra.edge;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page the servlet container forwards to when a request fails before or outside a
 * controller (a query string that is not UTF-8, an exception nothing answered): answered as
 * problem details like every other refusal, instead of Spring Boot's own error JSON. Nothing of
 * the failure's inside (exception, stack trace) is shown.
 */
@RestController
final class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path ? path : null;
        response.resetBuffer();
        switch (status) {
            case 400 -> ProblemType.MALFORMED_REQUEST.write(response, status, "the request could not be read: its "
                    + "path, query or headers are malformed (a query string must be UTF-8, percent-encoded)", uri);
            case 404 -> ProblemType.NOT_FOUND.write(response, status, "there is nothing at this address", uri);
            case 503 -> ProblemType.SERVICE_UNAVAILABLE.write(response, status, "the service cannot answer now; "
                    + "send the request again in a few seconds", uri);
            default -> (status >= 500 ? ProblemType.INTERNAL_ERROR : ProblemType.REQUEST_REFUSED).write(response,
                    status, status >= 500 ? "the service failed to answer this request; nothing of it was stored "
                            + "unless its answer said so" : "the request was refused with status " + status, uri);
        }
    }
}
