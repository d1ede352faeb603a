package jp.shinko.events.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tama's five kinds of target, judged from the baseline and the latest figure. */
class KpiAssessmentTest {

    private static final KpiFigure ESTABLISHMENTS_2021 = figure(3603, 2021);

    @Test
    void aValueTargetIsMetOnTrackBehindOrMissedByTheStraightLineToIt() {
        KpiTarget atLeast3900By2034 = new KpiTarget.AtLeast(BigDecimal.valueOf(3900), 2034);
        assertThat(assess(atLeast3900By2034, null)).isEqualTo(KpiAssessment.NO_FIGURE);
        // the line passes 3603 + 297 * 3 / 13 = 3671.5 in 2024
        assertThat(assess(atLeast3900By2034, figure(3672, 2024))).isEqualTo(KpiAssessment.ON_TRACK);
        assertThat(assess(atLeast3900By2034, figure(3671, 2024))).isEqualTo(KpiAssessment.BEHIND);
        assertThat(assess(atLeast3900By2034, figure(3900, 2024))).isEqualTo(KpiAssessment.MET);
        assertThat(assess(atLeast3900By2034, figure(3899, 2034))).isEqualTo(KpiAssessment.MISSED);

        KpiTarget atMost3000By2034 = new KpiTarget.AtMost(BigDecimal.valueOf(3000), 2034);
        // the line passes 3603 - 603 * 3 / 13 = 3463.8 in 2024
        assertThat(assess(atMost3000By2034, figure(3450, 2024))).isEqualTo(KpiAssessment.ON_TRACK);
        assertThat(assess(atMost3000By2034, figure(3500, 2024))).isEqualTo(KpiAssessment.BEHIND);
        assertThat(assess(atMost3000By2034, figure(3000, 2030))).isEqualTo(KpiAssessment.MET);
    }

    @Test
    void aSignOrDirectionIsJudgedFromTheBaseline() {
        KpiFigure outflow = figure(-1312, 2020);
        KpiTarget netInflowBy2030 = new KpiTarget.Sign(true, 2030);
        assertThat(KpiAssessment.of(netInflowBy2030, outflow, Optional.of(figure(-900, 2025)), Optional.empty()))
                .isEqualTo(KpiAssessment.ON_TRACK);
        assertThat(KpiAssessment.of(netInflowBy2030, outflow, Optional.of(figure(-1400, 2025)), Optional.empty()))
                .isEqualTo(KpiAssessment.BEHIND);
        assertThat(KpiAssessment.of(netInflowBy2030, outflow, Optional.of(figure(15, 2025)), Optional.empty()))
                .isEqualTo(KpiAssessment.MET);
        assertThat(KpiAssessment.of(netInflowBy2030, outflow, Optional.of(figure(-5, 2030)), Optional.empty()))
                .isEqualTo(KpiAssessment.MISSED);

        KpiFigure residents = figure(23031, 2020);
        KpiTarget increaseBy2030 = new KpiTarget.Direction(true, 2030);
        assertThat(KpiAssessment.of(increaseBy2030, residents, Optional.of(figure(23100, 2025)), Optional.empty()))
                .isEqualTo(KpiAssessment.ON_TRACK);
        assertThat(KpiAssessment.of(increaseBy2030, residents, Optional.of(figure(23100, 2030)), Optional.empty()))
                .isEqualTo(KpiAssessment.MET);
        assertThat(KpiAssessment.of(increaseBy2030, residents, Optional.of(figure(23000, 2030)), Optional.empty()))
                .isEqualTo(KpiAssessment.MISSED);
    }

    @Test
    void aboveAnotherKpiComparesFiguresOfTheSamePeriod() {
        KpiTarget aboveClosing = new KpiTarget.AboveKpi(KpiId.of("closing-rate"), 2031, 2034);
        KpiFigure opening = new KpiFigure(new BigDecimal("6.12"), new ReferencePeriod(2016, 2021), null, null);
        Optional<KpiFigure> opening2024 = Optional.of(new KpiFigure(new BigDecimal("6.5"),
                new ReferencePeriod(2021, 2024), null, null));
        Optional<KpiFigure> closing2024 = Optional.of(new KpiFigure(new BigDecimal("6.0"),
                new ReferencePeriod(2021, 2024), null, null));
        assertThat(KpiAssessment.of(aboveClosing, opening, opening2024, closing2024))
                .isEqualTo(KpiAssessment.ON_TRACK);
        assertThat(KpiAssessment.of(aboveClosing, opening, closing2024, opening2024))
                .isEqualTo(KpiAssessment.BEHIND);
        assertThat(KpiAssessment.of(aboveClosing, opening, opening2024, Optional.empty()))
                .isEqualTo(KpiAssessment.NO_FIGURE);
    }

    private static KpiAssessment assess(KpiTarget target, KpiFigure latest) {
        return KpiAssessment.of(target, ESTABLISHMENTS_2021, Optional.ofNullable(latest), Optional.empty());
    }

    private static KpiFigure figure(int value, int year) {
        return new KpiFigure(BigDecimal.valueOf(value), new ReferencePeriod(year, year), null, null);
    }
}
