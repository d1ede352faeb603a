package jp.shinko.command.idempotency;

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
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import jp.shinko.command.messaging.CommandMetadata;
import jp.shinko.infra.security.CurrentActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes every command safe to retry: of the requests one caller sends with the same
 * {@code Idempotency-Key}, exactly one runs, on whichever instance, and its successful answer
 * is kept for the retention ({@code shinko.idempotency.retention}, 24 h by default); a refused
 * request is not kept, so sending it again runs it again.
 *
 * <p>The key is claimed in the database before the request runs ({@link IdempotencyKeys}). A
 * request that finds the key taken still goes through authentication, its body's checks and
 * the access check of its command, so a caller learns nothing of a key where they may not
 * write; only then does {@link TakenKeyGate} stop it before any record is loaded, and it gets
 * the kept answer (header {@code Idempotent-Replay: true}), waits a bounded time for the first
 * request's answer, or is told that the key is in use ({@link TakenKeyAnswers}).
 */
final class IdempotentRequests extends OncePerRequestFilter {

    /** Header on a replayed answer. */
    static final String REPLAY_HEADER = "Idempotent-Replay";

    private static final Logger LOG = LoggerFactory.getLogger(IdempotentRequests.class);

    private final IdempotencyKeys keys;

    IdempotentRequests(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        String key = request.getHeader(CommandMetadata.IDEMPOTENCY_KEY_HEADER);
        // an invalid key is refused by the command's endpoint, with the field named
        return key == null || !key.matches(CommandMetadata.KEY_PATTERN)
                || !(HttpMethod.POST.matches(method) || HttpMethod.PUT.matches(method))
                || !request.getRequestURI().startsWith("/municipalities")
                || CurrentActor.get().isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(CommandMetadata.IDEMPOTENCY_KEY_HEADER);
        String subject = CurrentActor.get().orElseThrow().subject();
        byte[] body = request.getInputStream().readAllBytes();
        String fingerprint = fingerprint(request, body);
        HttpServletRequest replayable = new ReplayableBody(request, body);
        Optional<UUID> claim = keys.claim(subject, key, fingerprint);
        if (claim.isEmpty()) {
            TakenKeyGate.markTaken(replayable, new TakenKey(subject, key, fingerprint));
            chain.doFilter(replayable, response);
            return;
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean answered = false;
        try {
            chain.doFilter(replayable, answer);
            answered = true;
        } finally {
            settle(subject, key, claim.get(), answered ? answer : null);
        }
        answer.copyBodyToResponse();
    }

    /** Keeps a successful answer; lets the key go after a refusal or a failure. */
    private void settle(String subject, String key, UUID claim, ContentCachingResponseWrapper answer) {
        try {
            if (answer != null && HttpStatus.valueOf(answer.getStatus()).is2xxSuccessful()) {
                keys.answer(subject, key, claim, answer.getStatus(), answer.getContentType(),
                        answer.getContentAsByteArray());
            } else {
                keys.release(subject, key, claim);
            }
        } catch (RuntimeException failure) {
            // the request itself is answered; its key stays claimed until its lease ends
            LOG.warn("Could not settle Idempotency-Key {} of {}; it is free again when its claim expires", key,
                    subject, failure);
        }
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
