package jp.shinko.command.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.shinko.command.municipality.MunicipalRules.StatusRules;
import jp.shinko.command.plan.PlanCommands.CloseFiscalYear;
import jp.shinko.command.plan.PlanCommands.RecordAnnualActual;
import jp.shinko.command.plan.PlanCommands.RecordCityRating;
import jp.shinko.command.plan.PlanCommands.RecordPeriodStatus;
import jp.shinko.command.plan.PlanCommands.ReviseNarrative;
import jp.shinko.command.plan.PlanCommands.SetAnnualTarget;
import jp.shinko.command.plan.PlanCommands.SetNoTarget;
import jp.shinko.command.plan.ProgressEntries.Decision;
import jp.shinko.command.plan.ProgressEntries.Writing;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.Quarter;
import jp.shinko.events.council.CouncilMeetingRecorded;
import jp.shinko.events.council.MeetingId;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.organisation.OrganisationRegister;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanAdopted;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.plan.PlanItemAdded;
import jp.shinko.events.plan.PlanItemContent;
import jp.shinko.events.progress.AnnualActualRecorded;
import jp.shinko.events.progress.AnnualTargetSet;
import jp.shinko.events.progress.CityRatingRecorded;
import jp.shinko.events.progress.FiscalYearClosed;
import jp.shinko.events.progress.IndicatorDefined;
import jp.shinko.events.progress.NarrativeField;
import jp.shinko.events.progress.NarrativeRevised;
import jp.shinko.events.progress.NoTargetSet;
import jp.shinko.events.progress.PeriodStatusRecorded;
import jp.shinko.events.settings.RatingScheme;
import jp.shinko.events.settings.ReasonCodes;
import jp.shinko.events.settings.StatusLegend;
import jp.shinko.infra.security.AccessRefused;
import org.junit.jupiter.api.Test;

/**
 * The rules of progress entries as plain objects, without Axon or HTTP: given the events a plan
 * holds, when an entry is decided, then these events or this refusal. Akiruno's seminar (an
 * item of Bi@Sta's with an indicator in 人) and Musashino's quarterly rows.
 */
class ProgressEntriesTest {

    private static final MunicipalityCode AKIRUNO = MunicipalityCode.of("132284");
    private static final PlanId PLAN = PlanId.of("shoko-2023");
    private static final ItemId SEMINAR = ItemId.of("b1");
    private static final PlanAdopted ADOPTED = new PlanAdopted(AKIRUNO, PLAN, "あきる野市商工業振興プラン",
            FiscalYear.reiwa(5), FiscalYear.reiwa(8));
    private static final Actor CLERK = new Actor("clerk", Role.MUNICIPAL_EDITOR, AKIRUNO, null);
    private static final Actor OTHER_DEPARTMENT = new Actor("ota", Role.MUNICIPAL_EDITOR, AKIRUNO, "商工観光課");
    private static final StatusRules SEED_RULES = new StatusRules(StatusLegend.DEFAULT, ReasonCodes.DEFAULT);

    private final ItemTree tree = new ItemTree();
    private final ProgressEntries entries = new ProgressEntries();
    private final ClosedYears closedYears = new ClosedYears();

    ProgressEntriesTest() {
        tree.on(new PlanItemAdded(AKIRUNO, PLAN, SEMINAR, null, new PlanItemContent("1", "事業承継セミナー",
                List.of("Bi@Sta"), null, List.of(), List.of(), "P.33", null)));
    }

    @Test
    void aFigureNeedsTheItemsIndicatorAndItsUnit() {
        assertThatThrownBy(() -> decide(target(5, 20, "人", null), CLERK))
                .isInstanceOf(PlanRuleViolated.class)
                .hasMessageStartingWith("itemId: item b1 has no indicator yet");
        entries.on(indicator("人"));

        assertThatThrownBy(() -> decide(target(5, 20, "件", null), CLERK))
                .hasMessage("unit: item b1 counts in 人, not 件");
        assertThat(decide(target(5, 20, "人", null), CLERK).events()).containsExactly(new AnnualTargetSet(AKIRUNO,
                PLAN, SEMINAR, FiscalYear.reiwa(5), new BigDecimal("20"), "人", null));
    }

    @Test
    void theCitysOwnRatingIsALabelOfTheYearsSchemeWithItsReason() {
        assertThatThrownBy(() -> rate("B"))
                .hasMessageStartingWith("itemId: item b1 has no indicator yet");
        entries.on(indicator("人"));

        assertThatThrownBy(() -> rate("D"))
                .isInstanceOf(PlanRuleViolated.class)
                .hasMessage("rating: D is not in the municipality's rating scheme for fiscal year 2025 (S, A, B, C)");
        Decision judged = rate("B");
        CityRatingRecorded recorded = new CityRatingRecorded(AKIRUNO, PLAN, SEMINAR, FiscalYear.reiwa(7), "B",
                "下半期に改善", null);
        assertThat(judged.events()).containsExactly(recorded);
        entries.on(recorded);
        assertThat(rate("B").events()).as("the same judgement again").isEmpty();
        assertThat(entries.versionOf(judged.entry())).isEqualTo(1);
    }

    @Test
    void noTargetOnPurposeFillsTheTargetCellAndALaterTargetSupersedesIt() {
        SetNoTarget none = new SetNoTarget(AKIRUNO, PLAN, SEMINAR, FiscalYear.reiwa(6), "事業検討段階となるため目標なしとします。",
                null, null);
        Decision decided = entries.noTarget(none, new Writing(ADOPTED, tree, closedYears, writer(CLERK)));
        NoTargetSet recorded = new NoTargetSet(AKIRUNO, PLAN, SEMINAR, FiscalYear.reiwa(6),
                "事業検討段階となるため目標なしとします。", null);
        assertThat(decided.events()).as("no indicator is needed").containsExactly(recorded);
        entries.on(recorded);
        assertThat(entries.noTarget(none, new Writing(ADOPTED, tree, closedYears, writer(CLERK))).events()).isEmpty();
        assertThat(entries.versionOf(decided.entry())).isEqualTo(1);

        entries.on(indicator("人"));
        Decision target = decide(target(6, 20, "人", 1L), CLERK);
        assertThat(target.entry()).isEqualTo(decided.entry());
        assertThat(target.events()).hasSize(1);
    }

    @Test
    void aYearOutsideThePlanIsRefused() {
        entries.on(indicator("人"));

        assertThatThrownBy(() -> decide(target(9, 20, "人", null), CLERK))
                .hasMessage("fiscalYear: fiscal year 2027 is outside the plan period 2023–2026");
    }

    @Test
    void theSameFigureAgainChangesNothingAndEachCellCountsItsOwnVersion() {
        entries.on(indicator("人"));
        entries.on(new AnnualTargetSet(AKIRUNO, PLAN, SEMINAR, FiscalYear.reiwa(5), new BigDecimal("20"), "人", null));

        Decision again = decide(target(5, 20, "人", null), CLERK);
        assertThat(again.events()).isEmpty();
        assertThat(entries.versionOf(again.entry())).isEqualTo(1);
        assertThat(entries.versionOf(new RecordAnnualActual(AKIRUNO, PLAN, SEMINAR, FiscalYear.reiwa(5),
                BigDecimal.ONE, "人", null, null).entryRef())).isZero();
        assertThatThrownBy(() -> decide(target(5, 25, "人", 0L), CLERK))
                .hasMessage("The annual target of item b1 for fiscal year 2023 is at version 1, not 0 as sent: "
                        + "someone changed it meanwhile; read it again and retry if still needed");
    }

    @Test
    void anEntryOfAClosedYearIsACorrectionWithAReason() {
        entries.on(indicator("人"));
        closedYears.on(new FiscalYearClosed(AKIRUNO, PLAN, FiscalYear.reiwa(5), LocalDate.of(2024, 6, 20)));
        RecordAnnualActual late = new RecordAnnualActual(AKIRUNO, PLAN, SEMINAR, FiscalYear.reiwa(5),
                new BigDecimal("12"), "人", null, null);

        assertThatThrownBy(() -> decide(late, CLERK)).hasMessageStartingWith("correctionReason: fiscal year 2023 is "
                + "closed");
        RecordAnnualActual corrected = new RecordAnnualActual(AKIRUNO, PLAN, SEMINAR, FiscalYear.reiwa(5),
                new BigDecimal("12"), "人", "集計漏れ", null);
        assertThat(decide(corrected, CLERK).events()).containsExactly(new AnnualActualRecorded(AKIRUNO, PLAN,
                SEMINAR, FiscalYear.reiwa(5), new BigDecimal("12"), "人", "集計漏れ"));
        assertThat(decide(target(6, 20, "人", null), CLERK).events()).singleElement()
                .extracting(event -> ((AnnualTargetSet) event).correctionReason()).isNull();
    }

    @Test
    void anEditorOfAnotherOrganisationDoesNotWriteTheItem() {
        entries.on(indicator("人"));

        assertThatThrownBy(() -> decide(target(5, 20, "人", null), OTHER_DEPARTMENT))
                .isInstanceOf(AccessRefused.class)
                .hasMessageContaining("may change only items 商工観光課 is responsible for, not items of Bi@Sta");
    }

    @Test
    void aStatusIsOnARowOfAResponsibleOrganisationWithTheCitysSymbolsAndAFourthQuarterReason() {
        assertThatThrownBy(() -> decide(status("商工観光課", 1, "○", null), CLERK))
                .hasMessage("organisation: 商工観光課 is not responsible for item b1; its rows are those of Bi@Sta");
        assertThatThrownBy(() -> decide(status("Bi@Sta", 1, "◇", null), CLERK))
                .hasMessageStartingWith("symbol: ◇ is not in the municipality's status legend");
        assertThatThrownBy(() -> decide(status("Bi@Sta", 4, "△", null), CLERK))
                .hasMessageStartingWith("reasonCode: a 4th-quarter status △ needs a reason code");

        assertThat(decide(status("Bi@Sta", 4, "△", "3"), CLERK).events()).containsExactly(new PeriodStatusRecorded(
                AKIRUNO, PLAN, SEMINAR, "Bi@Sta", FiscalYear.reiwa(5), Quarter.of(4), "△", "3", null, null));
    }

    @Test
    void aStatusRecordedAgainUnchangedIsNotRecordedEvenAfterItsYearClosed() {
        entries.on(new PeriodStatusRecorded(AKIRUNO, PLAN, SEMINAR, "Bi@Sta", FiscalYear.reiwa(5), Quarter.of(1),
                "○", null, null, null));
        closedYears.on(new FiscalYearClosed(AKIRUNO, PLAN, FiscalYear.reiwa(5), null));

        Decision same = decide(status("Bi@Sta", 1, "○", null), CLERK);
        assertThat(same.events()).isEmpty();
        assertThat(entries.versionOf(same.entry())).isEqualTo(1);
    }

    @Test
    void onlyTheChangedFieldsOfAReviewSheetAreRecordedAndTheSheetIsOneCell() {
        entries.on(new NarrativeRevised(AKIRUNO, PLAN, SEMINAR, FiscalYear.reiwa(5), NarrativeField.RESULTS,
                "11人が受講", null));
        Map<NarrativeField, String> texts = new LinkedHashMap<>();
        texts.put(NarrativeField.RESULTS, "11人が受講");
        texts.put(NarrativeField.ISSUES_AHEAD, "周知");

        Decision decision = decide(new ReviseNarrative(AKIRUNO, PLAN, SEMINAR, FiscalYear.reiwa(5), texts, null,
                1L), CLERK);

        assertThat(decision.events()).containsExactly(new NarrativeRevised(AKIRUNO, PLAN, SEMINAR,
                FiscalYear.reiwa(5), NarrativeField.ISSUES_AHEAD, "周知", null));
        assertThat(decision.entry().describe()).isEqualTo("the review sheet of item b1 for fiscal year 2023");
    }

    @Test
    void aYearIsClosedOnceItIsOverAndOnlyOnce() {
        CloseFiscalYear early = new CloseFiscalYear(AKIRUNO, PLAN, FiscalYear.reiwa(5), null, null,
                LocalDate.of(2024, 3, 31));
        assertThatThrownBy(() -> closedYears.close(early, ADOPTED, null))
                .hasMessageStartingWith("fiscalYear: fiscal year 2023 is not over yet (it ends on 2024-03-31)");
        CloseFiscalYear afterCouncil = new CloseFiscalYear(AKIRUNO, PLAN, FiscalYear.reiwa(5),
                LocalDate.of(2024, 6, 20), null, LocalDate.of(2024, 7, 1));

        assertThat(closedYears.close(afterCouncil, ADOPTED, null)).containsExactly(new FiscalYearClosed(AKIRUNO, PLAN,
                FiscalYear.reiwa(5), LocalDate.of(2024, 6, 20)));
        closedYears.on(new FiscalYearClosed(AKIRUNO, PLAN, FiscalYear.reiwa(5), LocalDate.of(2024, 6, 20)));
        assertThat(closedYears.close(afterCouncil, ADOPTED, null)).isEmpty();
    }

    @Test
    void aYearClosedAfterItsCouncilMeetingIsReportedOnTheMeetingsDay() {
        MeetingId meetingId = MeetingId.of("shingikai-2024-1");
        CouncilMeetingRecorded meeting = new CouncilMeetingRecorded(AKIRUNO, meetingId, FiscalYear.reiwa(5),
                "審議会", LocalDate.of(2024, 6, 20), null, List.of(), null);
        CloseFiscalYear naming = new CloseFiscalYear(AKIRUNO, PLAN, FiscalYear.reiwa(5), null, meetingId,
                LocalDate.of(2024, 7, 1));

        assertThat(closedYears.close(naming, ADOPTED, meeting)).containsExactly(new FiscalYearClosed(AKIRUNO, PLAN,
                FiscalYear.reiwa(5), LocalDate.of(2024, 6, 20), meetingId));
        CloseFiscalYear anotherDay = new CloseFiscalYear(AKIRUNO, PLAN, FiscalYear.reiwa(5), LocalDate.of(2024, 6, 21),
                meetingId, LocalDate.of(2024, 7, 1));
        assertThatThrownBy(() -> closedYears.close(anotherDay, ADOPTED, meeting))
                .hasMessageStartingWith("councilReportedOn: 2024-06-21 is not the day of the meeting named");
        CloseFiscalYear nextYear = new CloseFiscalYear(AKIRUNO, PLAN, FiscalYear.reiwa(6), null, meetingId,
                LocalDate.of(2025, 7, 1));
        assertThatThrownBy(() -> closedYears.close(nextYear, ADOPTED, meeting))
                .hasMessage("councilMeetingId: meeting shingikai-2024-1 reviewed fiscal year 2023, not 2024");
    }

    private Decision rate(String rating) {
        return entries.cityRating(new RecordCityRating(AKIRUNO, PLAN, SEMINAR, FiscalYear.reiwa(7), rating,
                "下半期に改善", null, null), new Writing(ADOPTED, tree, closedYears, writer(CLERK)), RatingScheme.DEFAULT);
    }

    /** A writer in a municipality that keeps no register of organisations. */
    private static Writer writer(Actor actor) {
        return new Writer(actor, () -> OrganisationRegister.EMPTY);
    }

    private Decision decide(PlanCommands.ProgressEntry entry, Actor actor) {
        return entries.decide(entry, new Writing(ADOPTED, tree, closedYears, writer(actor)), SEED_RULES);
    }

    private static SetAnnualTarget target(int reiwa, int value, String unit, Long expectedVersion) {
        return new SetAnnualTarget(AKIRUNO, PLAN, SEMINAR, FiscalYear.reiwa(reiwa), new BigDecimal(value), unit, null,
                expectedVersion);
    }

    private static RecordPeriodStatus status(String organisation, int quarter, String symbol, String reason) {
        return new RecordPeriodStatus(AKIRUNO, PLAN, SEMINAR, organisation, FiscalYear.reiwa(5), Quarter.of(quarter),
                symbol, reason, null, null, null);
    }

    private static IndicatorDefined indicator(String unit) {
        return new IndicatorDefined(AKIRUNO, PLAN, SEMINAR, "参加者数", unit, new BigDecimal("10"), FiscalYear.reiwa(4));
    }
}
