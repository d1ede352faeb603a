package jp.shinko.events.integration;

/**
 * A municipality's hash-chain head just after an event: the event's place in the chain and its
 * link, in lower-case hex. A consumer that keeps the last one holds its own copy of the head,
 * to compare with an audit of the event store (README, "Audit").
 *
 * @param position the event's position in its municipality's chain, from 1
 * @param link SHA-256 over the event and the link before it, 64 hex digits
 */
public record ChainLink(long position, String link) {
}
