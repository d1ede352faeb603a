package jp.shinko.infra.edge;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import jp.shinko.events.InvalidField;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Query parameters and path segments follow the same text rule as bodies ({@link RequestText},
 * single-line): a {@code %00} or a lone surrogate in a filter is a 400 naming the parameter,
 * before any controller reads it.
 */
final class RequestParameterChecks implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException unreadable) {
            // Tomcat could not decode the query string (a byte that is not UTF-8, a broken %-escape)
            throw new InvalidField("query", RequestText.abbreviated(String.valueOf(request.getQueryString())),
                    "the query string must be UTF-8, with every other byte %-encoded");
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            RequestText.check("parameter name", parameter.getKey(), false);
            for (String value : parameter.getValue()) {
                if (value != null) {
                    RequestText.check(parameter.getKey(), value, false);
                }
            }
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> {
                if (value != null) {
                    RequestText.check(String.valueOf(name), String.valueOf(value), false);
                }
            });
        }
        return true;
    }
}
