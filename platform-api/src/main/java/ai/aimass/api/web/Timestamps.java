package ai.aimass.api.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The current time at the precision PostgreSQL keeps, so that an answer given at creation
 * equals the one read back later.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /**
     * Returns the current time in whole microseconds.
     * @return now, truncated to microseconds
     */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

}
