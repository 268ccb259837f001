package ai.aimass.console.dataset;

import java.util.Locale;

import ai.aimass.console.security.ConsoleUser;
import ai.aimass.console.web.FormErrors;
import ai.aimass.console.web.HtmxResponses;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers an upload larger than the console takes with the upload form and the sizes, not
 * a bare 413.
 * <p>
 * The file is refused while the request is read, before any controller is chosen, so only
 * advice that holds for every controller sees it. What was typed in the form is not read
 * either; choosing a file fills in the name and label column again.
 */
@ControllerAdvice
class UploadLimit {

    private final DataSize maxFileSize;

    UploadLimit(@Value("${spring.servlet.multipart.max-file-size}") DataSize maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView handleTooLarge(HttpServletRequest request) {
        FormErrors errors = new FormErrors();
        long sent = request.getContentLengthLong();
        errors.add("file",
                "file: expected a file of at most " + megabytes(this.maxFileSize.toBytes()) + ", found "
                        + ((sent > 0) ? "an upload of " + megabytes(sent) : "a larger one")
                        + "; platform-api's own limit may be lower");
        boolean htmx = HtmxResponses.isHtmx(request);
        // htmx swaps only successful answers into the page.
        ModelAndView page = new ModelAndView(htmx ? "datasets/new :: form" : "datasets/new",
                htmx ? HttpStatus.OK : HttpStatus.PAYLOAD_TOO_LARGE);
        page.addObject("errors", errors);
        page.addObject("csvProblems", CsvProblem.of(errors.of("file")));
        page.addObject("name", "");
        page.addObject("labelColumn", "");
        // Advice gets no model attributes of its own; the layout needs these.
        page.addObject("currentUser", ConsoleUser.current().orElse(null));
        page.addObject("section", "datasets");
        return page;
    }

    private static String megabytes(long bytes) {
        // In the binary megabytes of Spring's DataSize, so that 60MB in the settings
        // reads 60.0 MB.
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

}
