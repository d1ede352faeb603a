package jp.shinko.command.idempotency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Idempotency-Keys callers sent, per caller, in {@code command.idempotent_request}. The
 * database decides which request runs: a key is claimed by one insert (or by taking over a
 * claim that expired), so two instances can never both run requests with the same key.
 */
final class IdempotencyKeys {

    private static final String TABLE = "command.idempotent_request";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;
    private final Duration lease;

    IdempotencyKeys(JdbcClient jdbc, Clock clock, Duration retention, Duration lease) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
        this.lease = lease;
    }

    /** What is kept of a key: the request it was first sent with, and its answer once there is one. */
    record Kept(String fingerprint, boolean answered, int status, String contentType, byte[] body) {
    }

    /**
     * Claims the key for a request, unless another request holds it: one still running (and not
     * past its lease), or one answered less than the retention ago.
     *
     * @return the claim, to answer or release the key with
     */
    Optional<UUID> claim(String subject, String key, String fingerprint) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("insert into " + TABLE + " as kept (subject, idempotency_key, fingerprint, state, claim, "
                        + "claimed_until) values (:subject, :key, :fingerprint, 'running', :claim, :until) "
                        + """
                        on conflict (subject, idempotency_key) do update
                            set fingerprint = excluded.fingerprint, state = 'running', claim = excluded.claim,
                                claimed_until = excluded.claimed_until, status = null, content_type = null,
                                body = null, answered_at = null, expires_at = null
                            where (kept.state = 'answered' and kept.expires_at <= :now)
                               or (kept.state = 'running' and kept.claimed_until <= :now)
                        returning claim""")
                .param("subject", subject)
                .param("key", key)
                .param("fingerprint", fingerprint)
                .param("claim", UUID.randomUUID())
                .param("until", Timestamp.from(clock.instant().plus(lease)))
                .param("now", now)
                .query(UUID.class)
                .optional();
    }

    /** Keeps the answer of the request that holds the claim, for the retention. */
    void answer(String subject, String key, UUID claim, int status, String contentType, byte[] body) {
        Instant now = clock.instant();
        jdbc.sql("update " + TABLE + " set state = 'answered', claim = null, claimed_until = null, status = ?, "
                        + "content_type = ?, body = ?, answered_at = ?, expires_at = ? "
                        + "where subject = ? and idempotency_key = ? and claim = ?")
                .params(status, contentType, body, Timestamp.from(now), Timestamp.from(now.plus(retention)), subject,
                        key, claim)
                .update();
    }

    /** Lets the key go: its request was refused, and a refused request is not kept. */
    void release(String subject, String key, UUID claim) {
        jdbc.sql("delete from " + TABLE + " where subject = ? and idempotency_key = ? and claim = ?")
                .params(subject, key, claim)
                .update();
    }

    /** What is kept of the key now; empty when nothing is, or what was has expired. */
    Optional<Kept> read(String subject, String key) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("select fingerprint, state, status, content_type, body from " + TABLE
                        + " where subject = ? and idempotency_key = ? "
                        + "and ((state = 'answered' and expires_at > ?) or (state = 'running' and claimed_until > ?))")
                .params(subject, key, now, now)
                .query(IdempotencyKeys::kept)
                .optional();
    }

    /** Deletes every key whose answer expired, and every claim of a request that never ended; how many. */
    int purge() {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("delete from " + TABLE + " where (state = 'answered' and expires_at <= ?) "
                        + "or (state = 'running' and claimed_until <= ?)")
                .params(now, now)
                .update();
    }

    private static Kept kept(ResultSet row, int number) throws SQLException {
        return new Kept(row.getString("fingerprint"), "answered".equals(row.getString("state")), row.getInt("status"),
                row.getString("content_type"), row.getBytes("body"));
    }
}
