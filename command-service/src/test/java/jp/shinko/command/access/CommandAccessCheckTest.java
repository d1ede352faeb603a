package jp.shinko.command.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.security.AccessRefused;
import jp.shinko.infra.security.ActorAuthentication;
import jp.shinko.infra.security.ActorMetaData;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;

/** The rules every command passes, with commands shaped like the domain's. */
class CommandAccessCheckTest {

    private static final MunicipalityCode TAMA = MunicipalityCode.of("132241");
    private static final MunicipalityCode MUSASHINO = MunicipalityCode.of("132039");
    private static final Actor TAMA_EDITOR = new Actor("alice", Role.MUNICIPAL_EDITOR, TAMA, null);

    /** Changes a record of a municipality, as the plan and progress commands will. */
    record ReviseItem(MunicipalityCode municipalityCode, @TargetAggregateIdentifier String itemId)
            implements MunicipalRecordChange {
    }

    /** Declares no access rule. */
    record Unruled(@TargetAggregateIdentifier String id) {
    }

    private final CommandAccessCheck check = new CommandAccessCheck();

    @AfterEach
    void clearCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anEditorChangesARecordOfItsOwnMunicipality() {
        assertThatCode(() -> check.check(sentBy(TAMA_EDITOR, new ReviseItem(TAMA, "132241:plan-1:item-3"))))
                .doesNotThrowAnyException();
    }

    @Test
    void anEditorMayNotChangeAnotherMunicipalitysRecord() {
        assertThatThrownBy(() -> check.check(sentBy(TAMA_EDITOR, new ReviseItem(MUSASHINO, "132039:plan-1"))))
                .isInstanceOf(AccessRefused.class)
                .hasMessage("alice (municipal-editor of 132241) may change only municipality 132241's records, "
                        + "not 132039's");
    }

    @Test
    void aRecordOfAnotherMunicipalityCannotBeReachedThroughItsOwnCode() {
        assertThatThrownBy(() -> check.check(sentBy(TAMA_EDITOR, new ReviseItem(TAMA, "132039:plan-1"))))
                .isInstanceOf(AccessRefused.class)
                .hasMessage("record 132039:plan-1 is not one of municipality 132241's records");
        assertThatThrownBy(() -> check.check(sentBy(TAMA_EDITOR, new ReviseItem(TAMA, "1322410:plan-1"))))
                .isInstanceOf(AccessRefused.class);
    }

    @Test
    void aViewerAndTheRolesWithoutAMunicipalityChangeNoRecord() {
        for (Actor actor : List.of(new Actor("bob", Role.MUNICIPAL_VIEWER, TAMA, null),
                Actor.of("carol", Role.METRO_ANALYST), Actor.of("dan", Role.AUDITOR), Actor.of("erin", Role.ADMIN))) {
            assertThatThrownBy(() -> check.check(sentBy(actor, new ReviseItem(TAMA, "132241:plan-1"))))
                    .as(actor.describe())
                    .isInstanceOf(AccessRefused.class);
        }
    }

    @Test
    void aCommandWithoutAnActorIsRefused() {
        assertThatThrownBy(() -> check.check(GenericCommandMessage.asCommandMessage(new ReviseItem(TAMA, "132241"))))
                .isInstanceOf(AccessRefused.class)
                .hasMessageEndingWith("came without a verified person; every command needs one");
    }

    @Test
    void aCommandThatDeclaresNoAccessRuleIsRefusedEvenToAnAdmin() {
        assertThatThrownBy(() -> check.check(sentBy(Actor.of("erin", Role.ADMIN), new Unruled("132241"))))
                .isInstanceOf(AccessRefused.class)
                .hasMessageEndingWith("declares no access rule, so nobody may send it");
    }

    @Test
    void theActorOfACommandIsTheVerifiedCallerWhateverItsMetadataClaimed() {
        SecurityContextHolder.getContext().setAuthentication(new ActorAuthentication(TAMA_EDITOR, null));
        CommandMessage<?> forged = GenericCommandMessage.asCommandMessage(new ReviseItem(TAMA, "132241"))
                .andMetaData(Map.of(ActorMetaData.SUBJECT, "mallory", ActorMetaData.ROLE, "admin",
                        ActorMetaData.ORGANISATION, "商工会議所", "commandId", "c-1"));

        CommandMessage<?> dispatched = new ActorOnCommands().handle(forged);

        assertThat(dispatched.getMetaData()).containsEntry("commandId", "c-1");
        assertThat(ActorMetaData.from(dispatched.getMetaData())).contains(TAMA_EDITOR);
    }

    private static CommandMessage<?> sentBy(Actor actor, Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(ActorMetaData.of(actor));
    }
}
