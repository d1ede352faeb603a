package jp.shinko.command.relay;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import jp.shinko.events.integration.ChainLink;
import jp.shinko.infra.eventstore.EventStoreSchemaMigration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The hash-chain links the event store gave events when it stored them, for their envelopes. */
@Component
class ChainLinks {

    private final JdbcClient jdbc;

    ChainLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The links of these events by event id, in one query; events without a municipality have none. */
    Map<String, ChainLink> of(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select event_identifier, chain_position, encode(chain_link, 'hex') from "
                        + EventStoreSchemaMigration.SCHEMA + ".domain_event_entry where event_identifier in (:ids) "
                        + "and chain_link is not null")
                .param("ids", eventIds)
                .query((row, number) -> Map.entry(row.getString(1), new ChainLink(row.getLong(2), row.getString(3))))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
