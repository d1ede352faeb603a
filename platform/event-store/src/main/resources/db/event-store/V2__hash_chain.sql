-- Tamper evidence: each municipality's events form a hash chain, in the order they were stored.
-- Link n = SHA-256(link n-1 || SHA-256(header n) || SHA-256(payload n) || SHA-256(meta_data n)), where link 0 is
-- 32 zero bytes and the header is, in UTF-8, one line each: chain position, event identifier, aggregate
-- identifier, sequence number, aggregate type, recorded time in microseconds since 1970-01-01 UTC, payload type,
-- payload revision (an absent type or revision as an empty line; no newline after the last).
-- The README's audit section states the same rule, and the auditor's offline check follows it.

alter table domain_event_entry
    add column chain_position bigint,
    add column chain_link     bytea;

create unique index domain_event_entry_chain_idx on domain_event_entry (municipality_code, chain_position);

-- The last link of each municipality; its row lock orders concurrent writers of one municipality.
create table chain_head (
    municipality_code char(6) primary key,
    position          bigint not null,
    link              bytea  not null
);

create function event_link(previous bytea, chain_position bigint, event_identifier text, aggregate_identifier text,
        sequence_number bigint, aggregate_type text, recorded_at timestamptz, payload_type text,
        payload_revision text, payload bytea, meta_data bytea) returns bytea
    language sql immutable as $$
    select sha256(previous
        || sha256(convert_to(chain_position || E'\n' || event_identifier || E'\n' || aggregate_identifier || E'\n'
            || sequence_number || E'\n' || coalesce(aggregate_type, '') || E'\n'
            || (extract(epoch from recorded_at) * 1000000)::bigint || E'\n' || payload_type || E'\n'
            || coalesce(payload_revision, ''), 'UTF8'))
        || sha256(payload) || sha256(meta_data))
$$;

create function link_event() returns trigger language plpgsql as $$
declare
    municipality char(6) := case when new.aggregate_identifier ~ '^[0-9]{6}(:|$)'
        then substr(new.aggregate_identifier, 1, 6) end;
    head event_store.chain_head%rowtype;
begin
    if municipality is null then
        return new;
    end if;
    insert into event_store.chain_head values (municipality, 0, decode(repeat('00', 32), 'hex'))
        on conflict do nothing;
    select * into head from event_store.chain_head where municipality_code = municipality for update;
    new.chain_position := head.position + 1;
    new.chain_link := event_store.event_link(head.link, new.chain_position, new.event_identifier,
        new.aggregate_identifier, new.sequence_number, new.type, new.recorded_at, new.payload_type,
        new.payload_revision, new.payload, new.meta_data);
    update event_store.chain_head set position = new.chain_position, link = new.chain_link
        where municipality_code = municipality;
    return new;
end
$$;

create trigger domain_event_entry_link before insert on domain_event_entry
    for each row execute function link_event();

-- Events are facts: a correction is a new event, never an update or a delete of a stored one.
create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'stored events are never changed or deleted; record a correction as a new event';
end
$$;

create trigger domain_event_entry_append_only before update or delete on domain_event_entry
    for each statement execute function refuse_change();

-- The events stored before the chain existed, linked in the order they were stored.
do $$
declare
    event record;
    head event_store.chain_head%rowtype;
begin
    alter table event_store.domain_event_entry disable trigger domain_event_entry_append_only;
    for event in select * from event_store.domain_event_entry where municipality_code is not null
            order by global_index loop
        insert into event_store.chain_head values (event.municipality_code, 0, decode(repeat('00', 32), 'hex'))
            on conflict do nothing;
        select * into head from event_store.chain_head where municipality_code = event.municipality_code;
        update event_store.chain_head set position = head.position + 1,
            link = event_store.event_link(head.link, head.position + 1, event.event_identifier,
                event.aggregate_identifier, event.sequence_number, event.type, event.recorded_at,
                event.payload_type, event.payload_revision, event.payload, event.meta_data)
            where municipality_code = event.municipality_code
            returning * into head;
        update event_store.domain_event_entry set chain_position = head.position, chain_link = head.link
            where global_index = event.global_index;
    end loop;
    alter table event_store.domain_event_entry enable trigger domain_event_entry_append_only;
end
$$;
