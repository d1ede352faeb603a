package jp.shinko.events.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jp.shinko.events.municipality.MunicipalityCode;
import org.junit.jupiter.api.Test;

class ActorTest {

    private static final MunicipalityCode TAMA = MunicipalityCode.of("132241");
    private static final MunicipalityCode MUSASHINO = MunicipalityCode.of("132039");

    @Test
    void anEditorWritesAndReadsOnlyItsOwnMunicipality() {
        Actor editor = new Actor("alice", Role.MUNICIPAL_EDITOR, TAMA, null);

        assertThat(editor.mayWrite(TAMA)).isTrue();
        assertThat(editor.mayRead(TAMA)).isTrue();
        assertThat(editor.mayWrite(MUSASHINO)).isFalse();
        assertThat(editor.mayRead(MUSASHINO)).isFalse();
        assertThat(editor.readsEveryMunicipality()).isFalse();
    }

    @Test
    void aViewerReadsItsOwnMunicipalityAndWritesNothing() {
        Actor viewer = new Actor("bob", Role.MUNICIPAL_VIEWER, TAMA, null);

        assertThat(viewer.mayRead(TAMA)).isTrue();
        assertThat(viewer.mayRead(MUSASHINO)).isFalse();
        assertThat(viewer.mayWrite(TAMA)).isFalse();
        assertThat(viewer.mayEditItemOf(List.of("産業振興課"))).isFalse();
    }

    @Test
    void metroAnalystsAuditorsAndAdminsReadEveryMunicipalityAndWriteNoRecord() {
        for (Role role : List.of(Role.METRO_ANALYST, Role.AUDITOR, Role.ADMIN)) {
            Actor actor = Actor.of("carol", role);

            assertThat(actor.mayRead(TAMA)).as(role.wireName()).isTrue();
            assertThat(actor.readsEveryMunicipality()).as(role.wireName()).isTrue();
            assertThat(actor.mayWrite(TAMA)).as(role.wireName()).isFalse();
            assertThat(actor.mayEditItemOf(List.of("産業振興課"))).as(role.wireName()).isFalse();
        }
    }

    /** 東京都's staff keep its own programmes under its code and read the cities, whose records they never write. */
    @Test
    void aMetroEditorWritesOnlyTheMetropolitanGovernmentsRecordsAndReadsEveryMunicipality() {
        Actor metro = Actor.of("tomoko", Role.METRO_EDITOR);
        MunicipalityCode tokyo = MunicipalityCode.TOKYO_METROPOLITAN_GOVERNMENT;

        assertThat(tokyo.value()).isEqualTo("130001");
        assertThat(tokyo.isPrefecture()).isTrue();
        assertThat(TAMA.isPrefecture()).isFalse();
        assertThat(metro.mayWrite(tokyo)).isTrue();
        assertThat(metro.mayWrite(TAMA)).isFalse();
        assertThat(metro.mayRead(TAMA)).isTrue();
        assertThat(metro.readsEveryMunicipality()).isTrue();
        assertThat(metro.mayEditItemOf(List.of("多摩振興担当"))).isTrue();
        assertThat(new Actor("alice", Role.MUNICIPAL_EDITOR, TAMA, null).mayWrite(tokyo)).isFalse();
        assertThatThrownBy(() -> new Actor("tomoko", Role.METRO_EDITOR, tokyo, null))
                .as("bound to no municipality: its code is the one it writes").isInstanceOf(InvalidActor.class);
    }

    @Test
    void anEditorOfAnOrganisationEditsOnlyItemsThatOrganisationIsResponsibleFor() {
        Actor chamber = new Actor("dan", Role.MUNICIPAL_EDITOR, TAMA, "商工会議所");

        assertThat(chamber.mayEditItemOf(List.of("産業振興課", "商工会議所"))).isTrue();
        assertThat(chamber.mayEditItemOf(List.of("産業振興課"))).isFalse();
    }

    @Test
    void anEditorOfNoOrganisationEditsEveryItemOfItsMunicipality() {
        Actor editor = new Actor("erin", Role.MUNICIPAL_EDITOR, TAMA, null);

        assertThat(editor.mayEditItemOf(List.of("商工会議所"))).isTrue();
    }

    @Test
    void aMunicipalRoleWithoutItsMunicipalityIsRefused() {
        assertThatThrownBy(() -> new Actor("frank", Role.MUNICIPAL_VIEWER, null, null))
                .isInstanceOf(InvalidActor.class)
                .hasMessage("the role municipal-viewer needs the municipality it belongs to");
    }

    @Test
    void aRoleBoundToNoMunicipalityMayNotNameOne() {
        assertThatThrownBy(() -> new Actor("gina", Role.AUDITOR, TAMA, null))
                .isInstanceOf(InvalidActor.class)
                .hasMessage("the role auditor is not bound to a municipality or organisation, "
                        + "so it must not name one");
    }

    @Test
    void anUnknownRoleNameIsRefusedNamingTheAllowedOnes() {
        assertThatThrownBy(() -> Role.fromWireName("superuser"))
                .isInstanceOf(InvalidActor.class)
                .hasMessage("the role must be one of municipal-editor, municipal-viewer, metro-analyst, "
                        + "metro-editor, auditor, admin, not \"superuser\"");
    }

    @Test
    void describesThePersonForMessages() {
        assertThat(new Actor("alice", Role.MUNICIPAL_EDITOR, TAMA, "産業振興課").describe())
                .isEqualTo("alice (municipal-editor of 132241, 産業振興課)");
        assertThat(Actor.of("root", Role.ADMIN).describe()).isEqualTo("root (admin)");
    }
}
