package jp.shinko.infra.testsupport;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * The municipalities a JSON response names, wherever they appear: a string that is a valid
 * municipality code, or a record identifier that starts with one ({@code "132241:plan-1"}).
 * What a leak test looks for, without knowing each endpoint's shape.
 */
public final class MunicipalitiesNamed {

    private static final Pattern CODE_OR_RECORD_ID = Pattern.compile("\"([0-9]{6})(?::[^\"]*)?\"");

    private MunicipalitiesNamed() {
    }

    public static Set<String> in(String json) {
        Set<String> codes = new TreeSet<>();
        Matcher matcher = CODE_OR_RECORD_ID.matcher(json);
        while (matcher.find()) {
            String candidate = matcher.group(1);
            if (MunicipalityCode.checkDigit(candidate.substring(0, 5)) == candidate.charAt(5) - '0') {
                codes.add(candidate);
            }
        }
        return codes;
    }
}
