package ai.aimass.console.web;

import ai.aimass.console.dataset.DatasetClient;
import ai.aimass.console.job.JobClient;
import ai.aimass.console.model.ModelClient;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page: where the tenant stands on the way from data to a prediction, and the
 * next thing to do.
 */
@Controller
class HomeController {

    private final DatasetClient datasets;

    private final JobClient jobs;

    private final ModelClient models;

    HomeController(DatasetClient datasets, JobClient jobs, ModelClient models) {
        this.datasets = datasets;
        this.jobs = jobs;
        this.models = models;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("datasetCount", this.datasets.listDatasets(0, 1).totalItems());
        model.addAttribute("jobCount", this.jobs.listJobs(0, 1).totalItems());
        model.addAttribute("modelCount", this.models.listModels(0, 1).totalItems());
        return "home";
    }

}
