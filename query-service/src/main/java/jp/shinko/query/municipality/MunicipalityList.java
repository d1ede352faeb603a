package jp.shinko.query.municipality;

import java.util.List;

/** The answer to {@code GET /municipalities}, in code order. */
record MunicipalityList(List<MunicipalitySummary> items) {
}
