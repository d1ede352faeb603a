package jp.shinko.infra.edge;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.util.AntPathMatcher;

/**
 * How large a request body may be: {@code shinko.http.max-body-size} (1 MB) for every endpoint,
 * {@code shinko.http.max-large-body-size} (16 MB) for those matching
 * {@code shinko.http.large-body-paths}, such as a whole table entered at once.
 */
final class BodyLimits {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final long standard;
    private final long large;
    private final List<String> largePaths;

    BodyLimits(long standard, long large, List<String> largePaths) {
        this.standard = standard;
        this.large = large;
        this.largePaths = List.copyOf(largePaths);
    }

    long of(HttpServletRequest request) {
        String path = request.getRequestURI();
        return largePaths.stream().anyMatch(pattern -> PATHS.match(pattern, path)) ? large : standard;
    }
}
