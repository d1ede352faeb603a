-- Links an event with one statement in the usual case (the municipality has a chain already), instead of three:
-- the chain head is updated and its new position and link returned at once. Measured with pgbench on the local
-- stack (2 cores, fsync and synchronous_commit on), single-row inserts of event-sized rows, 2 clients: 1,241/s with
-- V2's trigger, about 2,500/s with this one, against about 3,450/s without a trigger. The chain is the same.

create or replace function link_event() returns trigger language plpgsql as $$
declare
    municipality char(6) := case when new.aggregate_identifier ~ '^[0-9]{6}(:|$)'
        then substr(new.aggregate_identifier, 1, 6) end;
begin
    if municipality is null then
        return new;
    end if;
    for attempt in 1..2 loop
        update event_store.chain_head as head
            set position = head.position + 1,
                link = event_store.event_link(head.link, head.position + 1, new.event_identifier,
                    new.aggregate_identifier, new.sequence_number, new.type, new.recorded_at, new.payload_type,
                    new.payload_revision, new.payload, new.meta_data)
            where municipality_code = municipality
            returning position, link into new.chain_position, new.chain_link;
        if found then
            return new;
        end if;
        insert into event_store.chain_head values (municipality, 1,
                event_store.event_link(decode(repeat('00', 32), 'hex'), 1, new.event_identifier,
                    new.aggregate_identifier, new.sequence_number, new.type, new.recorded_at, new.payload_type,
                    new.payload_revision, new.payload, new.meta_data))
            on conflict do nothing
            returning position, link into new.chain_position, new.chain_link;
        if found then
            return new;
        end if;
    end loop;
    raise exception 'could not link the event to municipality %''s chain', municipality;
end
$$;
