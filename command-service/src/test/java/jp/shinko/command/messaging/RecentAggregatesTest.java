package jp.shinko.command.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

/** The aggregate cache keeps the most recently used aggregates, up to its capacity, and says which it dropped. */
class RecentAggregatesTest {

    @Test
    void theLeastRecentlyUsedAggregateIsDroppedFirst() {
        RecentAggregates cache = new RecentAggregates(2);
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        cache.put("132284:plan:a", "plan a");
        cache.put("132039:plan:b", "plan b");
        assertThat((Object) cache.get("132284:plan:a")).isEqualTo("plan a"); // a is now the most recent

        cache.put("132241:plan:c", "plan c");

        assertThat(cache.containsKey("132284:plan:a")).isTrue();
        assertThat(cache.containsKey("132039:plan:b")).isFalse();
        assertThat(expired).containsExactly("132039:plan:b");
    }

    @Test
    void anAggregateRemovedAfterARollbackIsLoadedAfresh() {
        RecentAggregates cache = new RecentAggregates(10);
        cache.put("132284:plan:a", "plan a");

        assertThat(cache.remove("132284:plan:a")).isTrue();
        assertThat(cache.<String>computeIfAbsent("132284:plan:a", () -> "plan a, loaded again"))
                .isEqualTo("plan a, loaded again");
        assertThat(cache.putIfAbsent("132284:plan:a", "another")).isFalse();
    }
}
