package ai.aimass.console.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.aimass.console.platform.ApiPage;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pager that the dataset and job lists share, rendered from the console's templates.
 * <p>
 * The browser tests make too few items to show it, so its links are checked here.
 */
class PagerFragmentTests {

    private final SpringTemplateEngine engine = templateEngine();

    @Test
    void linksToTheNewerAndOlderPagesOfTheListItIsGiven() {
        String html = render(new ApiPage<>(List.of("a"), 1, 20, 60, 3), "/datasets");
        assertThat(html).contains("href=\"/datasets?page=0\"")
            .contains("href=\"/datasets?page=2\"")
            .contains("Page 2 of 3");
    }

    @Test
    void leavesOutTheLinkThatWouldLeadPastEitherEnd() {
        String html = render(new ApiPage<>(List.of("a"), 0, 20, 30, 2), "/jobs");
        assertThat(html).doesNotContain(">Newer<").contains("href=\"/jobs?page=1\"").contains("Page 1 of 2");
    }

    @Test
    void showsNothingForASinglePage() {
        assertThat(render(new ApiPage<>(List.of("a"), 0, 20, 1, 1), "/jobs")).doesNotContain("pager");
    }

    private String render(ApiPage<String> listPage, String path) {
        MockServletContext servletContext = new MockServletContext();
        var exchange = JakartaServletWebApplication.buildApplication(servletContext)
            .buildExchange(new MockHttpServletRequest(servletContext), new MockHttpServletResponse());
        WebContext context = new WebContext(exchange, Locale.ROOT, Map.of("listPage", listPage, "path", path));
        return this.engine.process("<div th:replace=\"~{fragments :: pager(${listPage}, ${path})}\"></div>", context);
    }

    private static SpringTemplateEngine templateEngine() {
        ClassLoaderTemplateResolver files = new ClassLoaderTemplateResolver();
        files.setPrefix("console/templates/");
        files.setSuffix(".html");
        files.setTemplateMode(TemplateMode.HTML);
        files.setCheckExistence(true);
        files.setOrder(1);
        StringTemplateResolver inline = new StringTemplateResolver();
        inline.setOrder(2);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.addTemplateResolver(files);
        engine.addTemplateResolver(inline);
        return engine;
    }

}
