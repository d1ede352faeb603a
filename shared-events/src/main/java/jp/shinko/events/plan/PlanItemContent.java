package jp.shinko.events.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import jp.shinko.events.InvalidField;

/**
 * What an item of a plan says, as the city writes it.
 *
 * @param number its number or code as printed, such as {@code 01}, {@code ②} or {@code 3-1}
 * @param title its title
 * @param responsibleOrganisations the 課 or outside bodies responsible; none where the plan names none
 *     (a 方向性 or 基本方針 above the items that report)
 * @param outlook 新規, 拡充 or 継続, if the city tags it
 * @param flags such as 重点事業
 * @param focusThemes the themes it serves, such as DX or 脱炭素・エネ
 * @param pageReference where the plan document describes it, such as {@code P.33}
 * @param reportedWithItemId the item whose report this one shares (再掲), if any
 * @param description what the plan says of the item under its title (事業概要), as written
 * @param reportedWithNote why the item is reported with the other (seed 000: 「本事業はどちらの目的も
 *     包含しているが人事育成・確保の色合いが濃いためNo.25へ記載する。」), as written
 * @param relatedProgrammes the city's administrative programmes the item is managed with (関連事務事業)
 * @param partOf the programmes or joint projects of another government (東京都) the item belongs to
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanItemContent(String number, String title, List<String> responsibleOrganisations, Outlook outlook,
        List<ItemFlag> flags, List<String> focusThemes, String pageReference, ItemId reportedWithItemId,
        String description, String reportedWithNote,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RelatedProgramme> relatedProgrammes,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PartOf> partOf) {

    /** The longest description: a page of the plan. */
    public static final int LONGEST_DESCRIPTION = 4000;

    /**
     * @throws InvalidField naming the first field that cannot be recorded
     */
    public PlanItemContent {
        number = text("number", number, 20, true);
        title = text("title", title, 400, true);
        responsibleOrganisations = responsibleOrganisations == null ? List.of()
                : distinctTexts("responsibleOrganisations", responsibleOrganisations, 60);
        if (flags != null && flags.stream().anyMatch(Objects::isNull)) {
            throw new InvalidField("flags", null, "a flag is 重点事業 or 新規事業, never empty");
        }
        flags = flags == null ? List.of() : List.copyOf(new LinkedHashSet<>(flags));
        focusThemes = focusThemes == null ? List.of() : distinctTexts("focusThemes", focusThemes, 40);
        pageReference = text("pageReference", pageReference, 20, false);
        description = text("description", description, LONGEST_DESCRIPTION, false);
        reportedWithNote = text("reportedWithNote", reportedWithNote, 400, false);
        relatedProgrammes = relatedProgrammes == null ? List.of() : List.copyOf(relatedProgrammes);
        partOf = partOf == null ? List.of() : List.copyOf(partOf);
        if (new HashSet<>(partOf).size() < partOf.size()) {
            throw new InvalidField("partOf", null, "names a programme or project twice");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < relatedProgrammes.size(); i++) {
            if (!codes.add(relatedProgrammes.get(i).code())) {
                throw new InvalidField("relatedProgrammes[" + i + "].code", relatedProgrammes.get(i).code(),
                        "is listed twice");
            }
        }
        if (reportedWithNote != null && reportedWithItemId == null) {
            throw new InvalidField("reportedWithNote", reportedWithNote,
                    "explains a 再掲, so it needs reportedWithItemId, the item this one is reported with");
        }
    }

    /** What an item says that belongs to nothing of another government's. */
    public PlanItemContent(String number, String title, List<String> responsibleOrganisations, Outlook outlook,
            List<ItemFlag> flags, List<String> focusThemes, String pageReference, ItemId reportedWithItemId,
            String description, String reportedWithNote, List<RelatedProgramme> relatedProgrammes) {
        this(number, title, responsibleOrganisations, outlook, flags, focusThemes, pageReference, reportedWithItemId,
                description, reportedWithNote, relatedProgrammes, List.of());
    }

    /** What an item says without a description, as items were added before one could be recorded. */
    public PlanItemContent(String number, String title, List<String> responsibleOrganisations, Outlook outlook,
            List<ItemFlag> flags, List<String> focusThemes, String pageReference, ItemId reportedWithItemId) {
        this(number, title, responsibleOrganisations, outlook, flags, focusThemes, pageReference, reportedWithItemId,
                null, null, List.of());
    }

    /** What an item says with no related programme named. */
    public PlanItemContent(String number, String title, List<String> responsibleOrganisations, Outlook outlook,
            List<ItemFlag> flags, List<String> focusThemes, String pageReference, ItemId reportedWithItemId,
            String description, String reportedWithNote) {
        this(number, title, responsibleOrganisations, outlook, flags, focusThemes, pageReference, reportedWithItemId,
                description, reportedWithNote, List.of());
    }

    /** The same content with another number, as after a move. */
    public PlanItemContent withNumber(String newNumber) {
        return new PlanItemContent(newNumber, title, responsibleOrganisations, outlook, flags, focusThemes,
                pageReference, reportedWithItemId, description, reportedWithNote, relatedProgrammes, partOf);
    }

    private static String text(String field, String value, int maxLength, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidField(field, value, "is required");
            }
            return null;
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) > maxLength) {
            throw new InvalidField(field, value, "has at most " + maxLength + " characters");
        }
        if (stripped.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new InvalidField(field, value, "has no control characters");
        }
        return stripped;
    }

    private static List<String> distinctTexts(String field, List<String> values, int maxLength) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = text(field + "[" + i + "]", values.get(i), maxLength, true);
            if (!seen.add(value)) {
                throw new InvalidField(field + "[" + i + "]", value, value + " is listed twice");
            }
        }
        return values.stream().map(String::strip).toList();
    }
}
