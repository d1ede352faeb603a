package jp.shinko.infra.edge;

import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's answer to what it refuses before the application sees it (a request line or
 * headers that cannot be read, or longer than {@code server.max-http-request-header-size}), as
 * problem details instead of Tomcat's HTML page.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.isCommitted() || response.getContentWritten() > 0) {
            return;
        }
        ProblemType problem = switch (status) {
            case 413 -> ProblemType.BODY_TOO_LARGE;
            case 503 -> ProblemType.SERVICE_UNAVAILABLE;
            case 400, 414, 431 -> ProblemType.MALFORMED_REQUEST;
            case 500 -> ProblemType.INTERNAL_ERROR;
            default -> ProblemType.REQUEST_REFUSED;
        };
        String detail = status == 400 || status == 431
                ? "the request line or headers could not be read: they are malformed, or longer than the "
                        + "server takes (8 KB of headers by default)"
                        + (failure == null || failure.getMessage() == null ? "" : " (" + failure.getMessage() + ")")
                : "the server refused this request with status " + status;
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            problem.write(response.getOutputStream(), status, detail, null);
            response.finishResponse();
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone, or the answer was started elsewhere: nothing more to say
        }
    }
}
