package jp.shinko.events.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jp.shinko.events.InvalidField;
import org.junit.jupiter.api.Test;

class StatusLegendTest {

    @Test
    void theDefaultLegendAsksForAReasonExactlyForTheSymbolsNotOnTrack() {
        assertThat(StatusLegend.DEFAULT.symbols().stream().filter(StatusSymbol::reasonRequiredInFourthQuarter)
                .map(StatusSymbol::symbol)).containsExactly("△", "□", "×", "-");
        assertThat(StatusLegend.DEFAULT.allowed()).isEqualTo("○ △ □ × ◎ - /");
    }

    @Test
    void aSymbolAppearsOnce() {
        assertThatThrownBy(() -> new StatusLegend(List.of(new StatusSymbol("○", "進捗あり", false),
                new StatusSymbol("○", "完了", false))))
                .isInstanceOf(InvalidField.class)
                .hasMessage("the symbol ○ appears twice in the legend");
    }

    @Test
    void reasonCodesAreUniqueAndLabelled() {
        assertThat(ReasonCodes.DEFAULT.allowed()).isEqualTo("2, 3, 4");
        assertThatThrownBy(() -> new ReasonCodes(List.of(new ReasonCode("2", ""))))
                .isInstanceOf(InvalidField.class)
                .extracting(e -> ((InvalidField) e).field()).isEqualTo("reasons[0].label");
    }
}
