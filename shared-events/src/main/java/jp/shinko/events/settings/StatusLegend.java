package jp.shinko.events.settings;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.shinko.events.InvalidField;

/**
 * The symbols a municipality reports quarterly progress with, and which of them need a reason
 * in the 4th quarter.
 *
 * @param symbols in the order the legend prints them
 */
public record StatusLegend(List<StatusSymbol> symbols) {

    /** Musashino's legend (凡例), with / for rows that do not apply. */
    public static final StatusLegend DEFAULT = new StatusLegend(List.of(
            new StatusSymbol("○", "進捗あり", false),
            new StatusSymbol("△", "遅れ・課題あり", true),
            new StatusSymbol("□", "検討中", true),
            new StatusSymbol("×", "進捗なし", true),
            new StatusSymbol("◎", "完了", false),
            new StatusSymbol("-", "中止", true),
            new StatusSymbol("/", "対象外", false)));

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
