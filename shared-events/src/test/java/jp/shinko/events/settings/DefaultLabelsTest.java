package jp.shinko.events.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.shinko.events.plan.ItemFlag;
import jp.shinko.events.plan.Outlook;
import org.junit.jupiter.api.Test;

/**
 * Every label our defaults print is the seed's own text, word for word: the legend (凡例), the
 * reasons (選択肢), the rating bands and their 詳細, the outlook tags and the flags. What the
 * seeds do not print (the meaning of /) is ours and must not pass for theirs.
 */
class DefaultLabelsTest {

    private static final String MUSASHINO = seed("001_0825764ebf10a7d8.txt");
    private static final String AKIRUNO = seed("004_4095877191b9b29a.txt");

    @Test
    void theDefaultLegendIsMusashinosLegendExactly() {
        String printed = StatusLegend.PRINTED_BY_MUSASHINO.stream()
                .map(symbol -> symbol.symbol() + "…" + symbol.meaning()).collect(Collectors.joining(" "));

        assertThat(MUSASHINO).contains("*凡例：" + printed + "\n");
        assertThat(StatusLegend.DEFAULT.symbols())
                .containsExactlyElementsOf(Stream.concat(StatusLegend.PRINTED_BY_MUSASHINO.stream(),
                        Stream.of(StatusLegend.NOT_APPLICABLE)).toList());
    }

    @Test
    void slashIsUsedByTheCityButItsMeaningIsOurs() {
        assertThat(MUSASHINO).contains("\t/\t/\t/\t/\t");
        assertThat(MUSASHINO).doesNotContain("/…").doesNotContain(StatusLegend.NOT_APPLICABLE.meaning());
    }

    @Test
    void everyDefaultReasonIsPrintedWithItsCodeInMusashinosTable() {
        assertThat(ReasonCodes.DEFAULT.reasons()).allSatisfy(reason ->
                assertThat(MUSASHINO).contains("\t" + reason.code() + " " + reason.label()));
    }

    @Test
    void everyDefaultRatingBandIsAkirunosDetailWordForWord() {
        assertThat(RatingScheme.DEFAULT.bands()).allSatisfy(band ->
                assertThat(AKIRUNO).contains("\n" + band.label() + "\t" + band.description() + "\n"));
    }

    @Test
    void theOutlookTagsAndFlagsAreTheSeedsWords() {
        String all = MUSASHINO + AKIRUNO + seed("000_a74f9ffb37862899.txt") + seed("002_28f7475579c73a71.txt");

        for (Outlook outlook : Outlook.values()) {
            assertThat(all).contains(outlook.japanese());
        }
        assertThat(MUSASHINO).contains("★【" + ItemFlag.PRIORITY.japanese() + "】");
        assertThat(all).contains("【" + ItemFlag.NEW_BUSINESS.japanese() + "】");
    }

    private static String seed(String name) {
        try (InputStream text = DefaultLabelsTest.class.getResourceAsStream("/seeds/" + name)) {
            return new String(text.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(name, e);
        }
    }
}
