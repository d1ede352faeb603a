package jp.shinko.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import jp.shinko.events.calendar.TokyoTime;
import jp.shinko.infra.eventstore.EventChain;
import jp.shinko.query.audit.ChainedEvents.ChainedEvent;

/**
 * What computing a municipality's chain again from its stored events found: how many events
 * it covers, the head (the last link, to compare with a copy held elsewhere, such as the Kafka
 * envelopes), and the first link that does not match, if any.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChainVerification(String municipalityCode, boolean intact, long eventsVerified, Long headPosition,
        String headLink, BrokenLink firstBroken) {

    /** The first event whose stored link is not the one its content gives: it, or one before it, was altered. */
    record BrokenLink(long position, String eventId, long globalIndex, OffsetDateTime recordedAt,
            String storedLink, String computedLink, String reason) {
    }

    /** Computes the links again, event by event, and stops at the first that does not match. */
    static final class Verifier {

        private static final HexFormat HEX = HexFormat.of();

        private final String municipalityCode;
        private byte[] previous = EventChain.START;
        private long events;
        private BrokenLink firstBroken;

        Verifier(String municipalityCode) {
            this.municipalityCode = municipalityCode;
        }

        void accept(ChainedEvent event) {
            if (firstBroken != null) {
                return;
            }
            EventChain.Entry entry = event.entry();
            byte[] computed = EventChain.link(previous, entry);
            if (entry.position() != events + 1) {
                broken(event, computed, "chain position " + entry.position() + " where " + (events + 1)
                        + " was expected: an event is missing or was inserted");
            } else if (!Arrays.equals(computed, event.storedLink())) {
                broken(event, computed, "the stored link does not match this event's content and the link "
                        + "before it");
            } else {
                previous = computed;
                events++;
            }
        }

        private void broken(ChainedEvent event, byte[] computed, String reason) {
            firstBroken = new BrokenLink(event.entry().position(), event.entry().eventId(), event.globalIndex(),
                    TokyoTime.of(event.entry().recordedAt()),
                    event.storedLink() == null ? null : HEX.formatHex(event.storedLink()), HEX.formatHex(computed),
                    reason);
        }

        ChainVerification result() {
            return new ChainVerification(municipalityCode, firstBroken == null, events,
                    events == 0 ? null : events, events == 0 ? null : HEX.formatHex(previous), firstBroken);
        }
    }
}
