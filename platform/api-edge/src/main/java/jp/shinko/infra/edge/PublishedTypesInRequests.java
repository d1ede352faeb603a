package jp.shinko.infra.edge;

import java.util.List;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.Quarter;
import jp.shinko.events.kpi.KpiId;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanId;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The published language's value types as path variables and query parameters: a fiscal year
 * as people write it ({@code 2025}, {@code R7}, {@code 令和7}, {@code H30}), a quarter ({@code 4},
 * {@code 4期}), a municipality code with its check digit, and the ids of plans, items and KPIs.
 * A value the type refuses is a {@code 400 invalid-request} naming the parameter, with the
 * type's own message (see {@link EdgeProblemAdvice}); a controller never parses them by hand.
 */
public final class PublishedTypesInRequests implements WebMvcConfigurer {

    /** The types converted from a parameter's text. */
    static final List<Class<?>> TYPES = List.of(FiscalYear.class, Quarter.class, MunicipalityCode.class, PlanId.class,
            ItemId.class, KpiId.class);

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, FiscalYear.class, (Converter<String, FiscalYear>) FiscalYear::parse);
        registry.addConverter(String.class, Quarter.class, (Converter<String, Quarter>) Quarter::parse);
        registry.addConverter(String.class, MunicipalityCode.class,
                (Converter<String, MunicipalityCode>) MunicipalityCode::of);
        registry.addConverter(String.class, PlanId.class, (Converter<String, PlanId>) PlanId::of);
        registry.addConverter(String.class, ItemId.class, (Converter<String, ItemId>) ItemId::of);
        registry.addConverter(String.class, KpiId.class, (Converter<String, KpiId>) KpiId::of);
    }
}
