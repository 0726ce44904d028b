package org.tongban.catalog.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.tongban.catalog.CatalogueTransfer;
import org.tongban.catalog.ImportReport;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.Violation;
import org.tongban.web.ViolationMessages;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;

/** Import and export of the whole catalogue (provincial synchronisation), for platform administrators. */
@Controller
@RequestMapping("/admin/catalogue/transfer")
class CatalogueTransferController {

    private final CatalogueTransfer transfer;
    private final ViolationMessages messages;
    private final Clock clock;

    CatalogueTransferController(CatalogueTransfer transfer, ViolationMessages messages, Clock clock) {
        this.transfer = transfer;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String page() {
        return "catalog/admin/transfer";
    }

    @PostMapping("/import")
    String importFile(@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException(Violation.of("file", "import.file.required", "请选择要导入的目录文件（JSON）"));
            }
            ImportReport report = transfer.importDocument(file.getBytes());
            model.addAttribute("report", report);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", messages.fieldErrors(e.violations()));
        }
        return "catalog/admin/transfer";
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
