-- The cross-city summary's counts (issue 22), kept by the progress projection beside the rows they count: per
-- municipality and fiscal year, items by rating (kind 'rating', quarter 0, label the band or 未評価) and rows by
-- status symbol (kind 'status', quarter 1 to 4, label the symbol). The summary of every municipality reads these,
-- a few rows per municipality-year, instead of every figure and status row of the country. Counts of rows stored
-- before this table existed are added by the next migration (V7, Java: CityYearCountsBackfill).
create table city_year_count (
    municipality_code char(6)  not null,
    fiscal_year       smallint not null,
    kind              text     not null constraint city_year_count_kind_check check (kind in ('rating', 'status')),
    quarter           smallint not null,
    label             text     not null,
    -- no check that it is positive: PostgreSQL checks the row proposed by "insert ... on conflict do update", and the
    -- projection proposes -1 to take one away from a count that exists
    count             bigint   not null,
    primary key (municipality_code, fiscal_year, kind, quarter, label)
);

create view city_year_count_for_queries as select * from city_year_count;
