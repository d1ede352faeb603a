package jp.shinko.infra.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter of both services. It bounds every request body (a declared length over
 * the endpoint's limit is refused before anything is read; a body that goes on past it is cut
 * off as it is read) with {@code 413}, and answers {@code 503} with {@code Retry-After} when a
 * request failed because the database cannot be reached, instead of a {@code 500}.
 */
final class EdgeFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeFilter.class);
    private static final int RETRY_AFTER_SECONDS = 5;

    private final BodyLimits limits;

    EdgeFilter(BodyLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limits.of(request);
        if (request.getContentLengthLong() > limit) {
            tooLarge(request, response, limit);
            return;
        }
        try {
            chain.doFilter(new LimitedBody(request, limit), response);
        } catch (ServletException | IOException | RuntimeException failure) {
            Optional<BodyTooLarge> tooLarge = BodyTooLarge.in(failure);
            if (response.isCommitted()) {
                throw failure;
            }
            if (tooLarge.isPresent()) {
                response.reset();
                tooLarge(request, response, limit);
            } else if (DatabaseUnavailable.causes(failure)) {
                LOG.warn("{} {} answered 503: the database cannot be reached ({})", request.getMethod(),
                        request.getRequestURI(), failure.toString());
                response.reset();
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
                EdgeProblems.SERVICE_UNAVAILABLE.write(response, HttpStatus.SERVICE_UNAVAILABLE.value(),
                        "the database cannot be reached now; nothing of this request was stored. Send it again in a "
                                + "few seconds", request.getRequestURI());
            } else {
                throw failure;
            }
        }
    }

    /** A query resumed after waiting (servlet async) may meet an unreachable database too. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    private static void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit)
            throws IOException {
        // the rest of the body is not read, so the connection cannot carry another request
        response.setHeader(HttpHeaders.CONNECTION, "close");
        EdgeProblems.BODY_TOO_LARGE.write(response, HttpStatus.CONTENT_TOO_LARGE.value(),
                "the request body has more than " + limit + " bytes, the most " + request.getMethod() + " "
                        + request.getRequestURI() + " takes", request.getRequestURI());
    }

    /** The request, its body cut off past the limit. */
    private static final class LimitedBody extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream limited;

        LimitedBody(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                ServletInputStream body = super.getInputStream();
                limited = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int next = body.read();
                        if (next >= 0) {
                            count(1);
                        }
                        return next;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int count = body.read(buffer, offset, length);
                        if (count > 0) {
                            count(count);
                        }
                        return count;
                    }

                    private void count(int bytes) throws BodyTooLarge {
                        read += bytes;
                        if (read > limit) {
                            throw new BodyTooLarge(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return body.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return body.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        body.setReadListener(listener);
                    }
                };
            }
            return limited;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            // the bodies of this API are JSON, which is UTF-8 (RFC 8259)
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
