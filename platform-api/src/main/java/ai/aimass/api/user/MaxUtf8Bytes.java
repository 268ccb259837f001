package ai.aimass.api.user;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The annotated string must take at most {@link #value()} bytes in UTF-8; {@code null} is
 * valid. Passwords carry it because BCrypt reads only their first 72 bytes and refuses
 * longer ones.
 */
@Documented
@Constraint(validatedBy = MaxUtf8Bytes.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface MaxUtf8Bytes {

    /** The most bytes the UTF-8 encoding may take. */
    int value();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /**
     * Counts the UTF-8 bytes of a string.
     */
    class Validator implements ConstraintValidator<MaxUtf8Bytes, String> {

        private int max;

        @Override
        public void initialize(MaxUtf8Bytes constraint) {
            this.max = constraint.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || byteCount(value) <= this.max;
        }

        /**
         * Returns the length of a string in UTF-8.
         * @param value the string
         * @return the number of bytes
         */
        public static int byteCount(String value) {
            return value.getBytes(StandardCharsets.UTF_8).length;
        }

    }

}
