package jp.shinko.events.settings;

/**
 * A reason a municipality gives for a 4th-quarter status that is not on track.
 *
 * @param code as written in the table, such as {@code 3}
 * @param label such as 内的要因（優先順位が低い等）の影響
 */
public record ReasonCode(String code, String label) {
}
