package ai.aimass.api.problem;

import java.util.Locale;

import org.hibernate.exception.ConstraintViolationException;
import org.postgresql.util.PSQLException;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * Tells which named database constraint a write broke, so that a race lost to another
 * request can be answered like the check that ran before it.
 */
public final class Constraints {

    private Constraints() {
    }

    /**
     * Returns whether a write failed on a given constraint.
     * @param ex the failure
     * @param constraint the constraint name, as in the migration
     * @return true when the cause chain names that constraint
     */
    public static boolean violated(DataIntegrityViolationException ex, String constraint) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            String name = null;
            if (cause instanceof ConstraintViolationException violation) {
                name = violation.getConstraintName();
            }
            else if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                name = psql.getServerErrorMessage().getConstraint();
            }
            if (name != null && name.toLowerCase(Locale.ROOT).contains(constraint)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

}
