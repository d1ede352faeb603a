package jp.shinko.command.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.shinko.command.municipality.MunicipalRegisters;
import jp.shinko.command.plan.PlanCommands.AddPlanItem;
import jp.shinko.command.plan.PlanCommands.AdoptPlan;
import jp.shinko.command.plan.PlanCommands.EndPlan;
import jp.shinko.command.plan.PlanCommands.MovePlanItem;
import jp.shinko.command.plan.PlanCommands.RetirePlanItem;
import jp.shinko.command.plan.PlanCommands.RevisePlan;
import jp.shinko.command.plan.PlanCommands.RevisePlanItem;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.council.CouncilMeetings;
import jp.shinko.events.kpi.KpiEvent;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.organisation.OrganisationRegister;
import jp.shinko.events.plan.ItemFlag;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.Outlook;
import jp.shinko.events.plan.PlanAdopted;
import jp.shinko.events.plan.PlanEnded;
import jp.shinko.events.plan.PlanEvent;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.plan.PlanItemAdded;
import jp.shinko.events.plan.PlanItemContent;
import jp.shinko.events.plan.PlanItemMoved;
import jp.shinko.events.plan.PlanItemRetired;
import jp.shinko.events.plan.PlanItemRevised;
import jp.shinko.events.plan.PlanRevised;
import jp.shinko.events.progress.ProgressEvent;
import jp.shinko.infra.security.AccessRefused;
import jp.shinko.infra.security.ActorMetaData;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of a plan's tree, with Akiruno's plan. */
class PlanTest {

    private static final MunicipalityCode AKIRUNO = MunicipalityCode.of("132284");
    private static final PlanId PLAN = PlanId.of("shoko-2023");
    private static final MetaData EDITOR = MetaData.from(ActorMetaData.of(
            new Actor("clerk", Role.MUNICIPAL_EDITOR, AKIRUNO, null)));
    private static final MetaData BISTA_EDITOR = MetaData.from(ActorMetaData.of(
            new Actor("bista", Role.MUNICIPAL_EDITOR, AKIRUNO, "Bi@Sta")));

    private static final PlanAdopted ADOPTED = new PlanAdopted(AKIRUNO, PLAN, "あきる野市商工業振興プラン",
            FiscalYear.reiwa(5), FiscalYear.reiwa(8));
    private static final List<String> LEVELS = List.of("方向性", "個別施策", "実施事業");
    private static final PlanItemContent DIRECTION = content("1", "地域経済循環の担い手となる事業者の育成", "商工観光課");
    private static final PlanItemContent MEASURE = content("1", "事業承継の促進", "商工観光課");
    private static final PlanItemContent SEMINAR = new PlanItemContent("1", "事業承継セミナー", List.of("Bi@Sta"),
            Outlook.CONTINUED, List.of(), List.of(), "P.33", null);
    private static final PlanItemContent CONSULTATION = new PlanItemContent("2", "事業承継相談", List.of("Bi@Sta"),
            Outlook.CONTINUED, List.of(ItemFlag.NEW_BUSINESS), List.of(), "P.33", null);

    private FixtureConfiguration<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
        fixture.registerInjectableResource(NO_REGISTERS);
    }

    /** A municipality that keeps no register of organisations and has recorded no council meeting. */
    private static final MunicipalRegisters NO_REGISTERS = new MunicipalRegisters() {
        @Override
        public OrganisationRegister organisationsOf(MunicipalityCode municipality) {
            return OrganisationRegister.EMPTY;
        }

        @Override
        public CouncilMeetings councilMeetingsOf(MunicipalityCode municipality) {
            return CouncilMeetings.NONE;
        }
    };

    @Test
    void adoptingAPlanRecordsItsPeriod() {
        fixture.givenNoPriorActivity()
                .when(new AdoptPlan(AKIRUNO, PLAN, ADOPTED.name(), FiscalYear.reiwa(5), FiscalYear.reiwa(8), null,
                        List.of()))
                .expectEvents(ADOPTED);
    }

    @Test
    void aSecondPlanWithTheSameIdIsRefused() {
        fixture.given(ADOPTED)
                .when(new AdoptPlan(AKIRUNO, PLAN, "別の計画", FiscalYear.reiwa(5), FiscalYear.reiwa(8), null,
                        List.of()))
                .expectNoEvents()
                .expectException(PlanRuleViolated.class);
    }

    @Test
    void aPlanIsAdoptedWithItsGoalAndTheNamesOfItsLevels() {
        fixture.givenNoPriorActivity()
                .when(new AdoptPlan(AKIRUNO, PLAN, ADOPTED.name(), FiscalYear.reiwa(5), FiscalYear.reiwa(8), "目標",
                        LEVELS))
                .expectEvents(new PlanAdopted(AKIRUNO, PLAN, ADOPTED.name(), FiscalYear.reiwa(5), FiscalYear.reiwa(8),
                        "目標", LEVELS));
    }

    @Test
    void anItemBelowTheNamedLevelsIsRefused() {
        PlanAdopted named = new PlanAdopted(AKIRUNO, PLAN, ADOPTED.name(), FiscalYear.reiwa(5), FiscalYear.reiwa(8),
                null, List.of("方向性", "個別施策"));
        fixture.given(named, added("d1", null, DIRECTION), added("m1", "d1", MEASURE))
                .when(new AddPlanItem(AKIRUNO, PLAN, ItemId.of("b1"), ItemId.of("m1"), SEMINAR), EDITOR)
                .expectNoEvents()
                .expectExceptionMessage("parentItemId: the item would be on level 3, but the plan names 2 levels; "
                        + "revise the plan's level names first");
    }

    @Test
    void levelNamesThatLeaveALevelOfTheTreeUnnamedAreRefused() {
        fixture.given(ADOPTED, added("d1", null, DIRECTION), added("m1", "d1", MEASURE), added("b1", "m1", SEMINAR))
                .when(revision(FiscalYear.reiwa(8), List.of("方向性", "個別施策")))
                .expectNoEvents()
                .expectException(PlanRuleViolated.class);
        fixture.given(ADOPTED, added("d1", null, DIRECTION), added("m1", "d1", MEASURE), added("b1", "m1", SEMINAR))
                .when(revision(FiscalYear.reiwa(8), LEVELS))
                .expectEvents(new PlanRevised(AKIRUNO, PLAN, ADOPTED.name(), FiscalYear.reiwa(5), FiscalYear.reiwa(8),
                        null, LEVELS, "階層名を記録"))
                .expectResultMessagePayload(true);
    }

    @Test
    void revisingToWhatThePlanSaysAlreadyChangesNothing() {
        fixture.given(ADOPTED)
                .when(new RevisePlan(AKIRUNO, PLAN, ADOPTED.name(), ADOPTED.fromFiscalYear(), ADOPTED.toFiscalYear(),
                        null, List.of(), "変更なし"))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void anEndedPlanIsNotRevisedOrEndedAfterAnotherYear() {
        PlanEnded ended = new PlanEnded(AKIRUNO, PLAN, FiscalYear.reiwa(6), "新たな計画の策定による");
        fixture.given(ADOPTED)
                .when(new EndPlan(AKIRUNO, PLAN, FiscalYear.reiwa(6), "新たな計画の策定による"))
                .expectEvents(ended);
        fixture.given(ADOPTED, ended)
                .when(new EndPlan(AKIRUNO, PLAN, FiscalYear.reiwa(6), "新たな計画の策定による"))
                .expectNoEvents()
                .expectResultMessagePayload(false);
        fixture.given(ADOPTED, ended)
                .when(new EndPlan(AKIRUNO, PLAN, FiscalYear.reiwa(7), "延長"))
                .expectNoEvents()
                .expectException(PlanRuleViolated.class);
        fixture.given(ADOPTED, ended)
                .when(revision(FiscalYear.reiwa(9), List.of()))
                .expectNoEvents()
                .expectException(PlanRuleViolated.class);
        fixture.given(ADOPTED)
                .when(new EndPlan(AKIRUNO, PLAN, FiscalYear.reiwa(9), "期間外"))
                .expectNoEvents()
                .expectException(PlanRuleViolated.class);
    }

    private static RevisePlan revision(FiscalYear to, List<String> levelNames) {
        return new RevisePlan(AKIRUNO, PLAN, ADOPTED.name(), ADOPTED.fromFiscalYear(), to, null, levelNames,
                "階層名を記録");
    }

    @Test
    void itemsAreAddedAtAnyDepth() {
        fixture.given(ADOPTED, added("d1", null, DIRECTION), added("m1", "d1", MEASURE))
                .when(new AddPlanItem(AKIRUNO, PLAN, ItemId.of("b1"), ItemId.of("m1"), SEMINAR), EDITOR)
                .expectEvents(added("b1", "m1", SEMINAR))
                .expectResultMessagePayload(1L);
    }

    @Test
    void addingTheSameItemAgainChangesNothing() {
        fixture.given(ADOPTED, added("d1", null, DIRECTION))
                .when(new AddPlanItem(AKIRUNO, PLAN, ItemId.of("d1"), null, DIRECTION), EDITOR)
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void aNumberIsUniqueAmongSiblingsButNotAcrossLevels() {
        fixture.given(ADOPTED, added("d1", null, DIRECTION), added("m1", "d1", MEASURE), added("b1", "m1", SEMINAR))
                .when(new AddPlanItem(AKIRUNO, PLAN, ItemId.of("b2"), ItemId.of("m1"), SEMINAR.withNumber("1")), EDITOR)
                .expectNoEvents()
                .expectExceptionMessage("number: 1 is already the number of item b1 at the same place in the plan; "
                        + "numbers are unique among siblings");
    }

    @Test
    void anItemUnderAnItemThatDoesNotExistIsRefused() {
        fixture.given(ADOPTED)
                .when(new AddPlanItem(AKIRUNO, PLAN, ItemId.of("b1"), ItemId.of("m9"), SEMINAR), EDITOR)
                .expectNoEvents()
                .expectExceptionMessage("parentItemId: there is no item m9 in this plan");
    }

    @Test
    void anItemCannotBeMovedUnderItsOwnItems() {
        fixture.given(ADOPTED, added("d1", null, DIRECTION), added("m1", "d1", MEASURE))
                .when(new MovePlanItem(AKIRUNO, PLAN, ItemId.of("d1"), ItemId.of("m1"), "1", null), EDITOR)
                .expectNoEvents()
                .expectExceptionMessage("parentItemId: item d1 cannot be put under m1, which is d1 itself or one of "
                        + "its own items");
    }

    @Test
    void aMoveTakesTheNumberGivenAndCountsAsAChangeOfTheItem() {
        fixture.given(ADOPTED, added("d1", null, DIRECTION), added("d2", null, DIRECTION.withNumber("2")),
                        added("m1", "d1", MEASURE))
                .when(new MovePlanItem(AKIRUNO, PLAN, ItemId.of("m1"), ItemId.of("d2"), "1", 1L), EDITOR)
                .expectEvents(new PlanItemMoved(AKIRUNO, PLAN, ItemId.of("m1"), ItemId.of("d2"), "1"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aRevisionBasedOnAnOlderVersionIsRefused() {
        fixture.given(ADOPTED, added("b1", null, SEMINAR),
                        new PlanItemRevised(AKIRUNO, PLAN, ItemId.of("b1"), SEMINAR.withNumber("3")))
                .when(new RevisePlanItem(AKIRUNO, PLAN, ItemId.of("b1"), SEMINAR.withNumber("4"), 1L), EDITOR)
                .expectNoEvents()
                .expectExceptionMessage("item b1 is at version 2, not 1 as sent: someone changed it meanwhile; read "
                        + "it again and retry if still needed");
    }

    @Test
    void anItemWithItemsUnderItIsNotRetired() {
        fixture.given(ADOPTED, added("m1", null, MEASURE), added("b1", "m1", SEMINAR))
                .when(new RetirePlanItem(AKIRUNO, PLAN, ItemId.of("m1"), "統合", null), EDITOR)
                .expectNoEvents()
                .expectExceptionMessage("item m1 still has 1 items under it; retire or move them first");
    }

    @Test
    void aRetiredItemKeepsItsNumberFreeAndIsNotRevised() {
        fixture.given(ADOPTED, added("b1", null, SEMINAR), new PlanItemRetired(AKIRUNO, PLAN, ItemId.of("b1"), "事業終了"))
                .when(new RevisePlanItem(AKIRUNO, PLAN, ItemId.of("b1"), SEMINAR, null), EDITOR)
                .expectNoEvents()
                .expectExceptionMessage("itemId: item b1 is retired; nothing more is recorded for it");
        fixture.given(ADOPTED, added("b1", null, SEMINAR), new PlanItemRetired(AKIRUNO, PLAN, ItemId.of("b1"), "事業終了"))
                .when(new AddPlanItem(AKIRUNO, PLAN, ItemId.of("b2"), null, SEMINAR), EDITOR)
                .expectEvents(added("b2", null, SEMINAR));
    }

    @Test
    void anEditorOfAnOrganisationChangesOnlyItsOwnItems() {
        fixture.given(ADOPTED, added("b1", null, SEMINAR), added("m1", null, MEASURE.withNumber("9")))
                .when(new RevisePlanItem(AKIRUNO, PLAN, ItemId.of("b1"), CONSULTATION.withNumber("1"), null),
                        BISTA_EDITOR)
                .expectEvents(new PlanItemRevised(AKIRUNO, PLAN, ItemId.of("b1"), CONSULTATION.withNumber("1")));
        fixture.given(ADOPTED, added("b1", null, SEMINAR), added("m1", null, MEASURE.withNumber("9")))
                .when(new RevisePlanItem(AKIRUNO, PLAN, ItemId.of("m1"), MEASURE.withNumber("8"), null), BISTA_EDITOR)
                .expectNoEvents()
                .expectException(AccessRefused.class)
                .expectExceptionMessage("bista (municipal-editor of 132284, Bi@Sta) may change only items Bi@Sta is "
                        + "responsible for, not items of 商工観光課");
    }

    /** A new event of a plan's families is applied by the plan, or the state it carries would be lost. */
    @Test
    void thePlanAppliesEveryEventOfItsFamilies() {
        Set<Class<?>> applied = Arrays.stream(Plan.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(EventSourcingHandler.class))
                .map(method -> method.getParameterTypes()[0])
                .collect(Collectors.toSet());

        assertThat(applied).containsExactlyInAnyOrderElementsOf(Stream.of(PlanEvent.class, ProgressEvent.class,
                KpiEvent.class).flatMap(family -> Arrays.stream(family.getPermittedSubclasses())).toList());
    }

    private static PlanItemAdded added(String itemId, String parentItemId, PlanItemContent content) {
        return new PlanItemAdded(AKIRUNO, PLAN, ItemId.of(itemId), ItemId.ofNullable(parentItemId), content);
    }

    private static PlanItemContent content(String number, String title, String organisation) {
        return new PlanItemContent(number, title, List.of(organisation), null, List.of(), List.of(), null, null);
    }
}
