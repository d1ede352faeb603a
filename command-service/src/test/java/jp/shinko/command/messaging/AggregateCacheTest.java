package jp.shinko.command.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

/** The aggregate cache keeps the aggregates used most, up to its capacity, says which it dropped and counts hits. */
class AggregateCacheTest {

    @Test
    void theAggregateUsedMostStaysAndTheCacheHoldsNoMoreThanItsCapacity() {
        AggregateCache cache = new AggregateCache(2);
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        cache.put("132284:plan:a", "plan a");
        cache.put("132039:plan:b", "plan b");
        for (int command = 0; command < 5; command++) {
            assertThat((Object) cache.get("132284:plan:a")).isEqualTo("plan a"); // a is used most
        }

        cache.put("132241:plan:c", "plan c");
        cache.entries().cleanUp();

        assertThat(cache.containsKey("132284:plan:a")).isTrue();
        assertThat(cache.entries().estimatedSize()).isEqualTo(2);
        assertThat(expired).singleElement().isIn("132039:plan:b", "132241:plan:c")
                .satisfies(dropped -> assertThat(cache.containsKey(dropped)).isFalse());
    }

    @Test
    void anAggregateRemovedAfterARollbackIsLoadedAfresh() {
        AggregateCache cache = new AggregateCache(10);
        cache.put("132284:plan:a", "plan a");

        assertThat(cache.remove("132284:plan:a")).isTrue();
        assertThat(cache.<String>computeIfAbsent("132284:plan:a", () -> "plan a, loaded again"))
                .isEqualTo("plan a, loaded again");
        assertThat(cache.putIfAbsent("132284:plan:a", "another")).isFalse();
    }

    @Test
    void hitsAndMissesAreMeasured() {
        AggregateCache cache = new AggregateCache(10);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CaffeineCacheMetrics.monitor(registry, cache.entries(), "aggregates");
        cache.put("132284:plan:a", "plan a");

        cache.get("132284:plan:a");
        cache.get("132284:plan:a");
        cache.get("132039:plan:b");

        assertThat(registry.get("cache.gets").tag("cache", "aggregates").tag("result", "hit")
                .functionCounter().count()).isEqualTo(2);
        assertThat(registry.get("cache.gets").tag("cache", "aggregates").tag("result", "miss")
                .functionCounter().count()).isEqualTo(1);
    }
}
