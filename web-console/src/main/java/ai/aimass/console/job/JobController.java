package ai.aimass.console.job;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.aimass.console.dataset.Dataset;
import ai.aimass.console.dataset.DatasetClient;
import ai.aimass.console.platform.ApiProblem;
import ai.aimass.console.security.ConsoleUser;
import ai.aimass.console.web.FormErrors;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The job pages: the list, the federated and ensemble forms, and the live job page.
 */
@Controller
class JobController {

    private static final int DATASET_CHOICES = 100;

    private static final String FEDERATED_FORM = "jobs/new-federated";

    private static final String ENSEMBLE_FORM = "jobs/new-ensemble";

    /**
     * A problem that platform-api places at one participant of the list, by its index.
     */
    private static final Pattern PARTICIPANT_PROBLEM = Pattern
        .compile("^((?:federation|ensemble)\\.participants\\[(\\d{1,9})\\](?:\\.\\w+)?)(: .*)$", Pattern.DOTALL);

    private final JobClient jobs;

    private final DatasetClient datasets;

    private final JobEventsRelay events;

    private final JsonMapper json;

    JobController(JobClient jobs, DatasetClient datasets, JobEventsRelay events, JsonMapper json) {
        this.jobs = jobs;
        this.datasets = datasets;
        this.events = events;
        this.json = json;
    }

    @GetMapping("/jobs")
    String listJobs(@RequestParam(defaultValue = "0") int page, Model model) {
        addJobsPage(page, model);
        return "jobs/list";
    }

    @GetMapping("/jobs/table")
    String jobsTable(@RequestParam(defaultValue = "0") int page, Model model) {
        addJobsPage(page, model);
        return "jobs/list :: table";
    }

    @GetMapping("/jobs/new")
    String newFederatedJob(Model model) {
        return jobForm(FEDERATED_FORM, new FederatedJobForm(), new FormErrors(), model);
    }

    @PostMapping("/jobs/federated")
    String submitFederatedJob(@ModelAttribute("form") FederatedJobForm form, Model model) {
        FormErrors participants = participantProblems(form);
        if (participants.any()) {
            return jobForm(FEDERATED_FORM, form, participants, model);
        }
        return submitJob(FEDERATED_FORM, form, JobSpecs.federated(form, this.json), JobSpecs.FEDERATED_FIELDS, model);
    }

    @GetMapping("/jobs/new-ensemble")
    String newEnsembleJob(Model model) {
        return jobForm(ENSEMBLE_FORM, new EnsembleJobForm(), new FormErrors(), model);
    }

    @PostMapping("/jobs/ensemble")
    String submitEnsembleJob(@ModelAttribute("form") EnsembleJobForm form, Model model) {
        FormErrors participants = "federated".equals(form.getSource()) ? participantProblems(form) : new FormErrors();
        if (participants.any()) {
            return jobForm(ENSEMBLE_FORM, form, participants, model);
        }
        return submitJob(ENSEMBLE_FORM, form, JobSpecs.ensemble(form, this.json), JobSpecs.ENSEMBLE_FIELDS, model);
    }

    @GetMapping("/jobs/{id}")
    String showJob(@PathVariable UUID id, Model model) {
        Job job = this.jobs.getJob(id);
        List<Round> rounds = this.jobs.listRounds(id);
        model.addAttribute("job", job);
        model.addAttribute("summary", JobSummary.of(job));
        model.addAttribute("rounds", rounds);
        model.addAttribute("roundsJson", this.json.writeValueAsString(rounds));
        return "jobs/detail";
    }

    @GetMapping(path = "/jobs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter followJob(@PathVariable UUID id) {
        ConsoleUser user = ConsoleUser.current().orElseThrow();
        return this.events.relay(id, user.token());
    }

    @PostMapping("/jobs/{id}/cancel")
    String cancelJob(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            this.jobs.cancelJob(id);
            redirect.addFlashAttribute("notice", "Cancel requested. A running job stops at its next round.");
        }
        catch (ApiProblem problem) {
            if (!problem.isRefusal() || problem.isNotFound()) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", problem.getMessage());
        }
        return "redirect:/jobs/" + id;
    }

    private void addJobsPage(int page, Model model) {
        model.addAttribute("jobs", this.jobs.listJobs(Math.max(page, 0), 20));
    }

    /**
     * Submits a job and opens its page, or shows the form again with the API's refusal
     * placed beside the fields it names.
     */
    private String submitJob(String view, JobForm form, String specJson, Map<String, String> fieldsByPath,
            Model model) {
        try {
            Job job = this.jobs.submitJob(specJson);
            return "redirect:/jobs/" + job.id();
        }
        catch (ApiProblem problem) {
            if (!problem.isRefusal()) {
                throw problem;
            }
            return jobForm(view, form, FormErrors.place(nameParticipants(problem.errors(), form), fieldsByPath), model);
        }
    }

    /**
     * No dataset ticked, or a ticked dataset whose participant name was emptied.
     * platform-api would refuse both too, but the second by its place in the list; the
     * console names the dataset.
     */
    private FormErrors participantProblems(JobForm form) {
        FormErrors errors = new FormErrors();
        if (form.getDatasetIds().isEmpty()) {
            return errors.add("participants",
                    "participants: expected at least 1 dataset, found none; tick one per participant");
        }
        for (Dataset dataset : datasetChoices()) {
            String id = dataset.id().toString();
            if (form.getDatasetIds().contains(id) && form.getNames().getOrDefault(id, "").isBlank()) {
                errors.add("participants",
                        "participants: expected a participant name for dataset " + dataset.name() + ", found none");
            }
        }
        return errors;
    }

    /**
     * Adds to each problem that platform-api places at a participant by its index the
     * dataset ticked there, which is how the form shows that participant.
     */
    private List<String> nameParticipants(List<String> messages, JobForm form) {
        if (messages.stream().noneMatch((message) -> PARTICIPANT_PROBLEM.matcher(message).matches())) {
            return messages;
        }
        Map<String, String> names = new HashMap<>();
        datasetChoices().forEach((dataset) -> names.put(dataset.id().toString(), dataset.name()));
        return messages.stream().map((message) -> {
            Matcher matcher = PARTICIPANT_PROBLEM.matcher(message);
            int index = matcher.matches() ? Integer.parseInt(matcher.group(2)) : -1;
            if (index < 0 || index >= form.getDatasetIds().size()) {
                return message;
            }
            String id = form.getDatasetIds().get(index);
            return matcher.group(1) + " (dataset " + names.getOrDefault(id, id) + ")" + matcher.group(3);
        }).toList();
    }

    private String jobForm(String view, JobForm form, FormErrors errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        List<Dataset> datasets = datasetChoices();
        model.addAttribute("datasets", datasets);
        model.addAttribute("participants", ParticipantChoice.of(datasets, form.getDatasetIds(), form.getNames()));
        return view;
    }

    private List<Dataset> datasetChoices() {
        return this.datasets.listDatasets(0, DATASET_CHOICES)
            .items()
            .stream()
            .sorted(Comparator.comparing(Dataset::name))
            .toList();
    }

}
