package ai.aimass.console.dataset;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.aimass.console.platform.ApiProblem;
import ai.aimass.console.web.FormErrors;
import ai.aimass.console.web.HtmxResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The dataset pages: the list, the upload form and one dataset's schema and statistics.
 */
@Controller
class DatasetController {

    private static final Map<String, String> UPLOAD_FIELDS = Map.of("name", "name", "labelColumn", "labelColumn",
            "file", "file");

    private final DatasetClient datasets;

    DatasetController(DatasetClient datasets) {
        this.datasets = datasets;
    }

    @GetMapping("/datasets")
    String listDatasets(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("datasets", this.datasets.listDatasets(Math.max(page, 0), 20));
        return "datasets/list";
    }

    @GetMapping("/datasets/new")
    String newDataset(Model model) {
        model.addAttribute("errors", new FormErrors());
        model.addAttribute("csvProblems", List.of());
        return "datasets/new";
    }

    @PostMapping("/datasets")
    String createDataset(@RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String labelColumn,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        FormErrors errors = checkUpload(file, name, labelColumn);
        List<CsvProblem> csvProblems;
        if (!errors.any()) {
            try {
                Dataset created = this.datasets.createDataset(name.trim(), labelColumn, file);
                return HtmxResponses.redirect(request, response, "/datasets/" + created.id() + "?created");
            }
            catch (ApiProblem problem) {
                if (!problem.isRefusal()) {
                    throw problem;
                }
                errors = FormErrors.place(problem.errors(), UPLOAD_FIELDS);
            }
        }
        // The file's problems, the console's own or the API's, are listed in one table.
        csvProblems = CsvProblem.of(errors.of("file"));
        if (!HtmxResponses.isHtmx(request)) {
            // htmx swaps only successful answers into the page.
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("errors", errors);
        model.addAttribute("csvProblems", csvProblems);
        model.addAttribute("name", name);
        model.addAttribute("labelColumn", labelColumn);
        return HtmxResponses.isHtmx(request) ? "datasets/new :: form" : "datasets/new";
    }

    @GetMapping("/datasets/{id}")
    String showDataset(@PathVariable UUID id, @RequestParam(required = false) String created, Model model) {
        model.addAttribute("dataset", this.datasets.getDataset(id));
        model.addAttribute("created", created != null);
        return "datasets/detail";
    }

    private static FormErrors checkUpload(MultipartFile file, String name, String labelColumn) {
        FormErrors errors = new FormErrors();
        if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty()) {
            errors.add("file", "file: expected a CSV file, found none; choose one");
        }
        else if (file.isEmpty()) {
            errors.add("file", "file: expected a CSV file with a header row, found an empty file");
        }
        if (name.isBlank()) {
            errors.add("name", "name: expected a name such as hospital-a, found none");
        }
        if (labelColumn.isBlank()) {
            errors.add("labelColumn", "labelColumn: expected the column to predict, found none; choose a file first");
        }
        return errors;
    }

}
