package org.tongban.catalog.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.tongban.catalog.CatalogueImportJobs;
import org.tongban.catalog.CatalogueTransfer;
import org.tongban.catalog.ImportJob;
import org.tongban.shared.NotFound;
import org.tongban.shared.Violation;
import org.tongban.web.ViolationMessages;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Import and export of the whole catalogue (provincial synchronisation), for platform administrators. An uploaded
 * file becomes an import job: the upload stores it and answers at once with the job's page, which follows the
 * background import until it has succeeded or failed.
 */
@Controller
@RequestMapping("/admin/catalogue/transfer")
class CatalogueTransferController {

    /** Jobs listed on the transfer page. */
    static final int RECENT_JOBS = 10;
    /** How often a page of an unfinished job looks again (tongban.js, without reloading the page). */
    static final int REFRESH_SECONDS = 2;

    private final CatalogueTransfer transfer;
    private final CatalogueImportJobs jobs;
    private final ViolationMessages messages;
    private final Clock clock;

    CatalogueTransferController(CatalogueTransfer transfer, CatalogueImportJobs jobs, ViolationMessages messages,
                                Clock clock) {
        this.transfer = transfer;
        this.jobs = jobs;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("jobs", jobs.recent(RECENT_JOBS));
        model.addAttribute("zone", clock.getZone());
        return "catalog/admin/transfer";
    }

    /** Stores the file as a job and sends the browser to its page (303: the page is fetched with GET). */
    @PostMapping("/import")
    ModelAndView importFile(@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("errors", messages.fieldErrors(List.of(Violation.of("file", "import.file.required",
                    "请选择要导入的目录文件（JSON）"))));
            return new ModelAndView(page(model));
        }
        UUID id = jobs.submit(file.getBytes());
        RedirectView redirect = new RedirectView("/admin/catalogue/transfer/jobs/" + id, true);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        return new ModelAndView(redirect);
    }

    @GetMapping("/jobs/{id}")
    String job(@PathVariable UUID id, Model model) {
        ImportJob job = jobs.job(id).orElseThrow(() -> new NotFound("no import job " + id));
        model.addAttribute("job", job);
        model.addAttribute("zone", clock.getZone());
        model.addAttribute("refreshSeconds", job.state().finished() ? null : REFRESH_SECONDS);
        model.addAttribute("refusals", job.errors().stream().map(e -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("entry", e.entry());
            row.put("field", e.field());
            row.put("message", messages.message(e.violation()));
            return row;
        }).toList());
        return "catalog/admin/import-job";
    }

    @GetMapping("/export")
    ResponseEntity<byte[]> export() {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("tongban-catalogue-" + LocalDate.now(clock) + ".json").build().toString())
                .body(transfer.exportJson());
    }
}
