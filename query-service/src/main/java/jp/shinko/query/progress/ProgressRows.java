package jp.shinko.query.progress;

import java.util.List;

/**
 * Progress rows kept for reading: in PostgreSQL for the live tables, in memory for an answer
 * about an earlier instant. Views read rows only through this, so both give the same answer.
 */
interface ProgressRows extends FoldedRows {

    /** The rows of one kind of a municipality's plan (or of the municipality, for plan id ""). */
    <R extends ProgressRow> List<R> list(String municipalityCode, String planId, String kind, Class<R> type);
}
