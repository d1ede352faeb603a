package jp.shinko.command.municipality;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jp.shinko.events.municipality.InvalidMunicipalityCode;
import jp.shinko.events.municipality.MunicipalityCode;

/** A national local-government code with a correct check digit; the message says what is wrong. */
@Documented
@Constraint(validatedBy = ValidMunicipalityCode.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@interface ValidMunicipalityCode {

    String message() default "must be a municipality code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Delegates to {@link MunicipalityCode} itself, so the API and the domain can never disagree. */
    class Validator implements ConstraintValidator<ValidMunicipalityCode, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            try {
                MunicipalityCode.of(value);
                return true;
            } catch (InvalidMunicipalityCode invalid) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(escape(invalid.getMessage())).addConstraintViolation();
                return false;
            }
        }

        /** The message contains the rejected input: keep it from being read as an expression. */
        private static String escape(String message) {
            return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        }
    }
}
