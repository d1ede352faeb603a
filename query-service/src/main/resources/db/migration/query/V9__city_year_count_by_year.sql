-- The cross-city summary of one fiscal year (the dashboard's) reads that year's counts only: without this index
-- PostgreSQL read all of them, every year of every municipality, twice a page (about 60 ms a page of 500 at
-- national scale, issue 22).
create index city_year_count_by_year on city_year_count (fiscal_year, municipality_code);
