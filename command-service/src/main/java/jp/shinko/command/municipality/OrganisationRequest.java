package jp.shinko.command.municipality;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.shinko.command.problem.RequestFields;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.organisation.OrganisationId;
import jp.shinko.events.organisation.OrganisationKind;
import jp.shinko.events.organisation.OrganisationRegister;
import jp.shinko.infra.edge.FieldProblem;
import jp.shinko.infra.edge.InvalidRequest;
import jp.shinko.infra.edge.MultiLineText;

/**
 * The body of {@code PUT /municipalities/{code}/organisations/{organisationId}}.
 *
 * @param name its name as the city writes it
 * @param kind department (課), section (担当), municipality (市) or outside-body (外部団体); omitted where unknown
 * @param aliases the other names the city's documents write it under
 * @param effectiveOn for a revision, the first day of the new name (default: today in Tokyo)
 * @param reason for a revision, why it changes
 */
@Schema(description = "An organisation of the municipality's register: registered if the id is new, revised "
        + "(with a reason) if not")
record OrganisationRequest(
        @Schema(example = "健幸まちづくり担当") String name,
        @Schema(description = "department (課), section (担当), municipality (市) or outside-body (外部団体); "
                + "omitted where the city's documents do not say", example = "section") String kind,
        @Schema(description = "Other names it is written under; none may be another organisation's",
                example = "[\"企画課（健幸まちづくり担当）\"]") List<String> aliases,
        @Schema(description = "For a rename: the first day of the new name, after the last rename and not after "
                + "today (default today)", example = "2026-04-01") String effectiveOn,
        @Schema(description = "Required to revise a registered organisation", example = "組織改正")
        @MultiLineText String reason) {

    private static final String ORGANISATION_ID_RULE = "1 to 64 letters, digits, '.', '_' and '-', e.g. keizai-kanko";
    private static final int LONGEST_NAME = 60;
    private static final int MOST_ALIASES = 10;

    static OrganisationId organisationId(String value) {
        return OrganisationId.of(RequestFields.identifier("organisationId", value, RequestFields.ID,
                ORGANISATION_ID_RULE));
    }

    RecordOrganisation toCommand(MunicipalityCode code, String organisationId, LocalDate today) {
        String checkedName = RequestFields.text("name", name, LONGEST_NAME, true);
        List<String> checkedAliases = new ArrayList<>();
        List<String> sent = RequestFields.list("aliases", aliases, MOST_ALIASES);
        for (int i = 0; i < sent.size(); i++) {
            String alias = RequestFields.text("aliases[" + i + "]", sent.get(i), LONGEST_NAME, true);
            if (OrganisationRegister.sameName(alias, checkedName)
                    || checkedAliases.stream().anyMatch(other -> OrganisationRegister.sameName(alias, other))) {
                throw new InvalidRequest(new FieldProblem("aliases[" + i + "]", alias, "repeats the name or another "
                        + "alias (spaces and full/half width aside); each name once"));
            }
            checkedAliases.add(alias);
        }
        String checkedKind = RequestFields.text("kind", kind, 20, false);
        return new RecordOrganisation(code, organisationId(organisationId), checkedName,
                checkedKind == null ? null : OrganisationKind.of(checkedKind), List.copyOf(checkedAliases),
                Optional.ofNullable(RequestFields.date("effectiveOn", effectiveOn, false)).orElse(today),
                RequestFields.text("reason", reason, 500, false), today);
    }
}
