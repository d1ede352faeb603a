package jp.shinko.infra.eventstore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * The hash chain over each municipality's events, as the event store's insert trigger makes it
 * (migration V2): link n = SHA-256(link n-1 ‖ SHA-256(header) ‖ SHA-256(payload) ‖
 * SHA-256(meta data)), link 0 being 32 zero bytes. Anyone holding the events can compute it
 * again; a stored event changed afterwards no longer matches its link, nor does any later link.
 */
public final class EventChain {

    /** The link before a municipality's first event. */
    public static final byte[] START = new byte[32];

    private EventChain() {
    }

    /** One stored event as the chain covers it. */
    public record Entry(long position, String eventId, String aggregateId, long sequence, String aggregateType,
            Instant recordedAt, String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {

        /** The header line by line, as the chain hashes it. */
        String header() {
            return position + "\n" + eventId + "\n" + aggregateId + "\n" + sequence + "\n"
                    + (aggregateType == null ? "" : aggregateType) + "\n" + microseconds(recordedAt) + "\n"
                    + payloadType + "\n" + (payloadRevision == null ? "" : payloadRevision);
        }
    }

    /** The link of an entry after the link before it. */
    public static byte[] link(byte[] previous, Entry entry) {
        MessageDigest link = sha256();
        link.update(previous);
        link.update(sha256().digest(entry.header().getBytes(StandardCharsets.UTF_8)));
        link.update(sha256().digest(entry.payload()));
        link.update(sha256().digest(entry.metaData()));
        return link.digest();
    }

    private static long microseconds(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
