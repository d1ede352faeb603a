package jp.shinko.events.settings;

/**
 * One symbol of a municipality's quarterly status legend, such as {@code △} 遅れ・課題あり.
 *
 * @param symbol as written in the table
 * @param meaning what it says about the item's progress
 * @param reasonRequiredInFourthQuarter whether a 4th-quarter status with this symbol needs a reason code
 */
public record StatusSymbol(String symbol, String meaning, boolean reasonRequiredInFourthQuarter) {
}
