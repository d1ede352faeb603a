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
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
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
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

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
        String refused = refusal(request);
        if (refused != null) {
            int status = refused.startsWith("406") ? HttpStatus.NOT_ACCEPTABLE.value()
                    : refused.startsWith("415") ? HttpStatus.UNSUPPORTED_MEDIA_TYPE.value()
                    : HttpStatus.BAD_REQUEST.value();
            ProblemType problem = switch (status) {
                case 406 -> ProblemType.NOT_ACCEPTABLE;
                case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
                default -> ProblemType.MALFORMED_REQUEST;
            };
            problem.write(response, status, refused.substring(4), request.getRequestURI());
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
                ProblemType.SERVICE_UNAVAILABLE.write(response, HttpStatus.SERVICE_UNAVAILABLE.value(),
                        "the database cannot be reached now; nothing of this request was stored. Send it again in a "
                                + "few seconds", request.getRequestURI());
            } else {
                throw failure;
            }
        }
    }

    /**
     * What is wrong with the request as a whole, before anything of it runs, prefixed with its
     * status; {@code null} when nothing is. A write that could not be answered in JSON is refused
     * before it is carried out, not after.
     */
    private static String refusal(HttpServletRequest request) {
        for (String once : List.of(HttpHeaders.AUTHORIZATION, IDEMPOTENCY_KEY)) {
            Enumeration<String> values = request.getHeaders(once);
            if (values != null && values.hasMoreElements() && values.nextElement() != null
                    && values.hasMoreElements()) {
                return "400 the header " + once + " is sent more than once; send it once";
            }
        }
        String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            return "415 a request body is sent without Content-Encoding (" + encoding.strip() + " is not taken)";
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && !accept.isBlank() && WRITES.contains(request.getMethod())) {
            try {
                List<MediaType> accepted = MediaType.parseMediaTypes(accept);
                if (accepted.stream().noneMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON)
                        || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))) {
                    return "406 a change is answered in application/json (or application/problem+json), which the "
                            + "Accept header (" + RequestText.abbreviated(accept) + ") does not take; nothing was done";
                }
            } catch (InvalidMediaTypeException invalid) {
                return "400 the Accept header is not a list of media types; nothing was done";
            }
        }
        return null;
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
        ProblemType.BODY_TOO_LARGE.write(response, HttpStatus.CONTENT_TOO_LARGE.value(),
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
