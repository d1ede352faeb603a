package jp.shinko.events.settings;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.shinko.events.InvalidField;

/**
 * The symbols a municipality reports quarterly progress with, and which of them need a reason
 * in the 4th quarter.
 *
 * @param symbols in the order the legend prints them
 */
public record StatusLegend(List<StatusSymbol> symbols) {

    /**
     * Musashino's legend (凡例) exactly as seed 001 prints it: ○…進捗あり △…遅れ・課題あり
     * □…検討中 ×…進捗なし ◎…完了 -…中止.
     */
    public static final List<StatusSymbol> PRINTED_BY_MUSASHINO = List.of(
            new StatusSymbol("○", "進捗あり", false),
            new StatusSymbol("△", "遅れ・課題あり", true),
            new StatusSymbol("□", "検討中", true),
            new StatusSymbol("×", "進捗なし", true),
            new StatusSymbol("◎", "完了", false),
            new StatusSymbol("-", "中止", true));

    /**
     * Ours, not the city's: seed 001 marks rows that no longer apply with / (row 45, 「mushop
     * は当初の役割を終えた為、令和3年度末に事業を終了した。」) without its legend naming it, so the
     * default legend adds / with the meaning 対象外, and the printed tables say it was added.
     */
    public static final StatusSymbol NOT_APPLICABLE = new StatusSymbol("/", "対象外", false);

    /** Musashino's legend, with / for rows that do not apply ({@link #NOT_APPLICABLE}). */
    public static final StatusLegend DEFAULT = new StatusLegend(Stream.concat(PRINTED_BY_MUSASHINO.stream(),
            Stream.of(NOT_APPLICABLE)).toList());

    /**
     * @throws InvalidField naming the symbol that makes the legend unusable
     */
    public StatusLegend {
        if (symbols == null || symbols.isEmpty()) {
            throw new InvalidField("symbols", null, "a status legend needs at least one symbol");
        }
        symbols = List.copyOf(symbols);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < symbols.size(); i++) {
            StatusSymbol symbol = symbols.get(i);
            if (symbol.symbol() == null || symbol.symbol().isBlank() || symbol.symbol().codePointCount(0,
                    symbol.symbol().length()) > 2) {
                throw new InvalidField("symbols[" + i + "].symbol", symbol.symbol(),
                        "a status symbol is one or two characters, such as ○");
            }
            if (!seen.add(symbol.symbol())) {
                throw new InvalidField("symbols[" + i + "].symbol", symbol.symbol(),
                        "the symbol " + symbol.symbol() + " appears twice in the legend");
            }
            if (symbol.meaning() == null || symbol.meaning().isBlank()) {
                throw new InvalidField("symbols[" + i + "].meaning", symbol.meaning(),
                        "each symbol needs its meaning, such as 進捗あり");
            }
        }
    }

    public Optional<StatusSymbol> find(String symbol) {
        return symbols.stream().filter(entry -> entry.symbol().equals(symbol)).findFirst();
    }

    /** The symbols, for messages: ○ △ □ × ◎ - /. */
    public String allowed() {
        return symbols.stream().map(StatusSymbol::symbol).collect(Collectors.joining(" "));
    }
}
