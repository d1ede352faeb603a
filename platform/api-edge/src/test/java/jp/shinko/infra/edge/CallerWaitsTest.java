package jp.shinko.infra.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallerWaitsTest {

    @Test
    void eachCallerHasItsOwnNumberOfWaitsAndAClosedWaitFreesOnePlaceOnce() {
        CallerWaits waits = new CallerWaits(2);
        Optional<CallerWaits.Wait> first = waits.begin("a");
        Optional<CallerWaits.Wait> second = waits.begin("a");

        assertThat(first).isPresent();
        assertThat(second).isPresent();
        assertThat(waits.begin("a")).as("a third wait of the same caller").isEmpty();
        assertThat(waits.begin("b")).as("another caller").isPresent();

        first.get().close();
        first.get().close();
        assertThat(waits.waiting("a")).isEqualTo(1);
        assertThat(waits.begin("a")).isPresent();
        assertThat(waits.begin("a")).isEmpty();
    }
}
