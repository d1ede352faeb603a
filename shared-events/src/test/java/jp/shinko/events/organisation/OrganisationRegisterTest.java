package jp.shinko.events.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.organisation.Organisation.FormerName;
import org.junit.jupiter.api.Test;

class OrganisationRegisterTest {

    private static final MunicipalityCode TAMA = MunicipalityCode.of("132241");
    private static final OrganisationId KENKO = OrganisationId.of("kenko-machizukuri");
    private static final OrganisationId KEIZAI = OrganisationId.of("keizai-kanko");

    /** Seed 000 writes 健幸まちづくり担当 in its table and 企画課（健幸まちづくり担当） on the sheet. */
    private final OrganisationRegister register = OrganisationRegister.EMPTY
            .apply(new OrganisationRegistered(TAMA, KENKO, "健幸まちづくり担当", OrganisationKind.SECTION,
                    List.of("企画課（健幸まちづくり担当）")))
            .apply(new OrganisationRegistered(TAMA, KEIZAI, "経済観光課", OrganisationKind.DEPARTMENT, List.of()));

    @Test
    void aNameAnAliasAndTheIdNameTheSameOrganisation() {
        assertThat(register.same("健幸まちづくり担当", "企画課（健幸まちづくり担当）")).isTrue();
        assertThat(register.same("kenko-machizukuri", "健幸まちづくり担当")).isTrue();
        assertThat(register.same("健幸まちづくり担当", "経済観光課")).isFalse();
        assertThat(register.find("健幸まちづくり 担当")).as("the seed's table as extracted, with a space")
                .map(Organisation::organisationId).contains(KENKO);
        assertThat(register.find("企画課(健幸まちづくり担当)")).as("half-width brackets")
                .map(Organisation::organisationId).contains(KENKO);
        assertThat(register.sameAs("企画課（健幸まちづくり担当）", List.of("経済観光課", "健幸まちづくり担当")))
                .contains("健幸まちづくり担当");
    }

    @Test
    void unregisteredNamesAreTheSameOnlyAsWritten() {
        assertThat(OrganisationRegister.EMPTY.same("商工会", "商工会")).isTrue();
        assertThat(OrganisationRegister.EMPTY.same("商工会", "あきる野市商工会")).isFalse();
        assertThat(register.same("商工会議所", "多摩商工会議所")).isFalse();
    }

    @Test
    void aRenameKeepsTheFormerNameAsTheOrganisations() {
        OrganisationRegister renamed = register.apply(new OrganisationRevised(TAMA, KEIZAI, "産業観光課",
                OrganisationKind.DEPARTMENT, List.of(), LocalDate.of(2026, 4, 1), "組織改正"));

        Organisation organisation = renamed.byId(KEIZAI).orElseThrow();
        assertThat(organisation.name()).isEqualTo("産業観光課");
        assertThat(organisation.formerNames()).containsExactly(new FormerName("経済観光課", LocalDate.of(2026, 3, 31)));
        assertThat(renamed.same("経済観光課", "産業観光課")).isTrue();
        assertThat(renamed.takenByAnother(KENKO, List.of("経済観光課"))).as("a former name is still taken")
                .map(taken -> taken.owner().organisationId()).contains(KEIZAI);
        assertThat(renamed.takenByAnother(KEIZAI, List.of("経済観光課"))).as("but not from itself").isEmpty();
    }
}
