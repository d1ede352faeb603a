-- Queries read the projection tables through these views. During a rebuild the views show a frozen copy of the
-- tables as they stood, for every instance of the service at once (the switch is one transaction); the
-- processors keep writing the tables themselves.
create view municipality_for_queries as select * from municipality;
create view progress_row_for_queries as select * from progress_row;

-- Rebuilds of the projections, the latest last: every instance reads the state of the current one here, stops and
-- starts its processors by it, and any instance can finish it.
create table projection_rebuild (
    id           bigint generated always as identity primary key,
    state        varchar(10)  not null
        constraint projection_rebuild_state_check check (state in ('freezing', 'starting', 'resetting', 'running',
                                                                    'done', 'failed')),
    processors   varchar(255) not null,
    started_by   varchar(255) not null,
    started_at   timestamptz  not null,
    total_events bigint       not null,
    finished_at  timestamptz,
    failure      text
);

-- One rebuild at a time, across every instance.
create unique index projection_rebuild_one_at_a_time on projection_rebuild ((true))
    where state in ('freezing', 'starting', 'resetting', 'running');
