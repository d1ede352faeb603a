-- Each plan's digest for the views across cities (issue 22): the reports it has not made, counted per kind, fiscal
-- year and quarter (which are overdue depends on the day and the municipality's deadlines, applied when read), and its
-- items counted per focus theme. The progress projection gives a plan a new version, and no digest, in every batch
-- that changes its plan, item, status or figure rows; the first query that finds no digest computes it from the rows
-- and stores it only under the version it read before them (PlanDigests). Versions come from a sequence, so they never
-- repeat, not even when the projection is rebuilt.
create sequence plan_digest_version;

create table plan_digest (
    municipality_code char(6) not null,
    plan_id           text    not null,
    version           bigint  not null,
    digest            jsonb,
    primary key (municipality_code, plan_id)
);

create view plan_digest_for_queries as select * from plan_digest;

-- the plans stored before this table existed, to be digested by the first query that reads them
insert into plan_digest (municipality_code, plan_id, version)
select municipality_code, plan_id, nextval('plan_digest_version')
from (select distinct municipality_code, plan_id from progress_row where kind in ('plan', 'item')) plans;
