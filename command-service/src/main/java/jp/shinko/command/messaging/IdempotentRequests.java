package jp.shinko.command.messaging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import jp.shinko.infra.security.CurrentActor;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes every command safe to retry: the first successful answer to a request sent with an
 * {@code Idempotency-Key} is kept per caller, and a retry with the same key and the same request
 * gets that answer again (header {@code Idempotent-Replay: true}) without being executed, even if
 * the records changed meanwhile; the same key with a different request is refused (422).
 *
 * <p>Runs after authentication, so keys are the caller's own. Refused requests are not kept: a
 * retry of a refused request is executed again. Two identical requests racing may both run;
 * every command is idempotent by content, so the second stores nothing.
 */
@Component
class IdempotentRequests extends OncePerRequestFilter {

    /** Header on a replayed answer. */
    static final String REPLAY_HEADER = "Idempotent-Replay";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    IdempotentRequests(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** A kept answer. */
    private record Answer(String fingerprint, int status, String contentType, byte[] body) {
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return request.getHeader(CommandMetadata.IDEMPOTENCY_KEY_HEADER) == null
                || !(HttpMethod.POST.matches(method) || HttpMethod.PUT.matches(method))
                || CurrentActor.get().isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(CommandMetadata.IDEMPOTENCY_KEY_HEADER);
        String subject = CurrentActor.get().orElseThrow().subject();
        byte[] body = request.getInputStream().readAllBytes();
        String fingerprint = fingerprint(request, body);
        Optional<Answer> kept = kept(subject, key);
        if (kept.isPresent()) {
            replay(kept.get(), fingerprint, key, request, response);
            return;
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(new ReplayableBody(request, body), answer);
        if (HttpStatus.valueOf(answer.getStatus()).is2xxSuccessful()) {
            keep(subject, key, new Answer(fingerprint, answer.getStatus(), answer.getContentType(),
                    answer.getContentAsByteArray()));
        }
        answer.copyBodyToResponse();
    }

    private Optional<Answer> kept(String subject, String key) {
        return jdbc.sql("select fingerprint, status, content_type, body from command.idempotent_request "
                        + "where subject = ? and idempotency_key = ?")
                .params(subject, key)
                .query((row, number) -> new Answer(row.getString("fingerprint"), row.getInt("status"),
                        row.getString("content_type"), row.getBytes("body")))
                .optional();
    }

    private void keep(String subject, String key, Answer answer) {
        jdbc.sql("""
                        insert into command.idempotent_request
                            (subject, idempotency_key, fingerprint, status, content_type, body, answered_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(subject, key, answer.fingerprint(), answer.status(), answer.contentType(), answer.body(),
                        Timestamp.from(clock.instant()))
                .update();
    }

    private void replay(Answer kept, String fingerprint, String key, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        if (!kept.fingerprint().equals(fingerprint)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), Map.of(
                    "type", "urn:shinko:problem:idempotency-key-reused",
                    "title", "The Idempotency-Key was already used for a different request",
                    "status", HttpStatus.UNPROCESSABLE_CONTENT.value(),
                    "detail", "Idempotency-Key " + key + " was already used for a request with different content; "
                            + "send a new key for a new request",
                    "instance", request.getRequestURI()));
            return;
        }
        response.setStatus(kept.status());
        if (kept.contentType() != null) {
            response.setContentType(kept.contentType());
        }
        response.setHeader(REPLAY_HEADER, "true");
        response.getOutputStream().write(kept.body());
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The request with its body read once, for the fingerprint, and served again to the controller. */
    private static final class ReplayableBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayableBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }

                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
