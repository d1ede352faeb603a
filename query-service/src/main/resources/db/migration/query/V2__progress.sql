-- Progress rows (projection "progress"): one JSON document per row of a city's tables, made by ProgressFold.
create table progress_row (
    municipality_code char(6) not null,
    plan_id           text    not null, -- '' for rows of the municipality itself (its settings)
    kind              text    not null, -- settings, plan, item, figure, status, narrative, kpi, observation
    row_id            text    not null,
    row               jsonb   not null,
    primary key (municipality_code, plan_id, kind, row_id)
);

-- Cross-city views read one kind of row across all municipalities.
create index progress_row_by_kind on progress_row (kind, municipality_code);
