package jp.shinko.events.settings;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.shinko.events.InvalidField;

/**
 * The list a municipality picks 4th-quarter reasons from (選択肢).
 *
 * @param reasons in the order the list prints them
 */
public record ReasonCodes(List<ReasonCode> reasons) {

    /** The reasons of Musashino's FY2023 table. */
    public static final ReasonCodes DEFAULT = new ReasonCodes(List.of(
            new ReasonCode("2", "外的要因（インフラの整備、法令の整備が進んでいない等）の影響"),
            new ReasonCode("3", "内的要因（優先順位が低い等）の影響"),
            new ReasonCode("4", "その他")));

    /**
     * @throws InvalidField naming the reason that makes the list unusable
     */
    public ReasonCodes {
        if (reasons == null || reasons.isEmpty()) {
            throw new InvalidField("reasons", null, "a reason list needs at least one reason");
        }
        reasons = List.copyOf(reasons);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < reasons.size(); i++) {
            ReasonCode reason = reasons.get(i);
            if (reason.code() == null || reason.code().isBlank() || reason.code().length() > 10) {
                throw new InvalidField("reasons[" + i + "].code", reason.code(),
                        "a reason code is 1 to 10 characters, such as 3");
            }
            if (!seen.add(reason.code())) {
                throw new InvalidField("reasons[" + i + "].code", reason.code(),
                        "the code " + reason.code() + " appears twice in the list");
            }
            if (reason.label() == null || reason.label().isBlank()) {
                throw new InvalidField("reasons[" + i + "].label", reason.label(),
                        "each reason needs its label, such as その他");
            }
        }
    }

    public Optional<ReasonCode> find(String code) {
        return reasons.stream().filter(reason -> reason.code().equals(code)).findFirst();
    }

    /** The codes, for messages: 2, 3, 4. */
    public String allowed() {
        return reasons.stream().map(ReasonCode::code).collect(Collectors.joining(", "));
    }
}
