package jp.shinko.command.idempotency;

/**
 * An Idempotency-Key another request of the same caller holds or was answered with.
 *
 * @param subject the caller
 * @param key the key
 * @param fingerprint of this request: method, path and body
 */
record TakenKey(String subject, String key, String fingerprint) {
}
