package jp.shinko.infra.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.shinko.events.InvalidField;
import org.junit.jupiter.api.Test;

class RequestTextTest {

    @Test
    void textIsKeptInNfcAndLineBreaksOnlyWhereTextMayHaveLines() {
        assertThat(RequestText.check("title", "か\u3099ッコウ", false)).isEqualTo("がッコウ");
        assertThat(RequestText.check("remark", "一行目\n二行目\t表\r\n", true)).isEqualTo("一行目\n二行目\t表\r\n");
        assertThatThrownBy(() -> RequestText.check("title", "一行目\n二行目", false))
                .isInstanceOfSatisfying(InvalidField.class, invalid -> {
                    assertThat(invalid.field()).isEqualTo("title");
                    assertThat(invalid.getMessage()).contains("line break", "character 4", "U+000A");
                });
    }

    @Test
    void controlCharactersHalvesOfSurrogatePairsAndNonCharactersAreRefused() {
        for (String bad : new String[] {"a\u0000b", "a\u007Fb", "a\u0085b", "a\uD800b", "a\uDC00", "a\uFFFEb",
            "a\uFDD0b"}) {
            assertThatThrownBy(() -> RequestText.check("remark", bad, true)).as(bad).isInstanceOf(InvalidField.class);
        }
        assertThat(RequestText.check("title", "𠮷野家", false)).isEqualTo("𠮷野家");
        for (String invisible : new String[] {"a\u202Eb", "a\u200Bb", "a\uFEFFb", "a\u2066b", "a\uDB40\uDC41b"}) {
            assertThatThrownBy(() -> RequestText.check("title", invisible, true)).as(invisible)
                    .hasMessageContaining("invisible formatting character");
        }
        assertThatThrownBy(() -> RequestText.check("title", "a\u2028b", false)).hasMessageContaining("separator");
        assertThat(RequestText.check("remark", "a\u2028b", true)).isEqualTo("a\u2028b");
        assertThat(RequestText.check("title", "👨\u200D👩\u200D👧 葛\uDB40\uDD00城", false))
                .as("joiners and ideographic variation selectors stay").contains("\u200D", "\uDB40\uDD00");
    }

    @Test
    void atMostFourThousandCharactersCountedAsPeopleCountThem() {
        assertThat(RequestText.check("results", "𠮷".repeat(RequestText.LONGEST), true))
                .hasSize(RequestText.LONGEST * 2);
        assertThatThrownBy(() -> RequestText.check("results", "あ".repeat(RequestText.LONGEST + 1), true))
                .hasMessageContaining("at most 4000");
    }

    @Test
    void aRefusedTextIsEchoedShortAndAsValidUtf16() {
        assertThat(RequestText.abbreviated("a\uD800b")).isEqualTo("a\uFFFDb");
        assertThat(RequestText.abbreviated("x".repeat(100))).startsWith("x".repeat(80)).endsWith("(100 characters)");
    }
}
