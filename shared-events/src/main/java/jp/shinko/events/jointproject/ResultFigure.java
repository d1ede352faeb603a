package jp.shinko.events.jointproject;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A figure a project's results (実績) give, such as 登録企業 339 社 or ひきこもりUX女子会 10 回.
 *
 * @param label what is counted, as written
 * @param value the figure
 * @param unit its unit as written, such as 社 or 回; absent where none is written
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultFigure(String label, BigDecimal value, String unit) {

    public ResultFigure {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
    }
}
