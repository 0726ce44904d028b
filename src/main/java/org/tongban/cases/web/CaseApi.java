package org.tongban.cases.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.cases.Application;
import org.tongban.cases.AuditTrail;
import org.tongban.cases.CaseManagement;
import org.tongban.cases.CaseNumber;
import org.tongban.cases.Correction;
import org.tongban.cases.Inbox;
import org.tongban.cases.NoticeKind;
import org.tongban.cases.SubmittedMaterial;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.InvalidValueException;
import org.tongban.shared.Violation;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Cases over HTTP: applying (with an {@code Idempotency-Key}), reading one's cases, and one endpoint per use case
 * of acceptance and handling, each calling one {@link CaseManagement} method. A refused transition is 409 with the
 * case's current {@code status}; bad input is 400 naming the field. Authentication: see docs/api.md.
 */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases 办件", description = "Applications and their handling")
class CaseApi {

    private final CaseManagement cases;

    CaseApi(CaseManagement cases) {
        this.cases = cases;
    }

    @PostMapping
    @Operation(summary = "Apply for the item version in force",
            description = "The same Idempotency-Key with the same body returns the first case (200) and creates nothing; "
                    + "with a different body it is refused (409). A new case is 201 with its Location.")
    ResponseEntity<ApiCase> submit(@Parameter(description = "8 to 64 characters, new for each application")
                                   @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
                                   @RequestBody Application application) {
        CaseManagement.Submitted result = cases.submit(application, key == null ? "" : key);
        ApiCase body = ApiCase.of(result.submitted());
        return result.created()
                ? ResponseEntity.created(URI.create("/api/v1/cases/" + body.number())).body(body)
                : ResponseEntity.ok(body);
    }

    @PostMapping(path = "/files", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a material (PDF, OFD, JPG or PNG, checked by content); refer to it by its sha256")
    ResponseEntity<CaseManagement.UploadedFile> upload(@RequestParam("file") org.springframework.web.multipart.MultipartFile file)
            throws java.io.IOException {
        CaseManagement.UploadedFile stored = cases.upload("file", file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.status(201).body(stored);
    }

    @GetMapping("/{number}")
    @Operation(summary = "One case: its applicant's, or one the asking staff may handle")
    ApiCase one(@PathVariable String number) {
        return ApiCase.of(cases.view(parse(number)));
    }

    @GetMapping
    @Operation(summary = "The signed-in applicant's cases (mine), or the staff member's inbox (view)")
    Inbox.Page list(@RequestParam(required = false) @Nullable String mine,
                    @Parameter(description = "inbox view for staff") @RequestParam(required = false) Inbox.@Nullable View view,
                    @RequestParam(required = false) @Nullable String item,
                    @Parameter(description = "page number, from 1") @RequestParam(defaultValue = "1") int page,
                    @Parameter(description = "cases a page, 1 to 100") @RequestParam(defaultValue = "20") int size) {
        if (view == null) {
            return cases.mine(page, size);
        }
        return cases.inbox(new Inbox(view, item == null || item.isBlank() ? null : item), page, size);
    }

    @GetMapping("/{number}/audit")
    @Operation(summary = "The audit trail of a case and whether its hash chain is intact (staff)")
    AuditTrail audit(@PathVariable String number) {
        return cases.audit(parse(number));
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "CaseAcceptance")
    record Acceptance(@Nullable Map<String, LocalDate> deferredDue) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "CaseReasons")
    record Reasons(String reasons) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "CaseOpinion")
    record Opinion(String opinion) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "CaseCorrections")
    record Corrections(List<Correction.Item> items) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "CaseMaterials")
    record Materials(List<SubmittedMaterial> materials) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "CaseReturn")
    record Return(int toStep, String opinion) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "CaseSuspension")
    record Suspension(String procedure, String reason) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "CaseProcedureResult")
    record Result(String result) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "CaseRejection")
    record Rejection(String reasons, String legalBasis) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "CaseMaterialReceipt")
    record Receipt(String material) {
    }

    @PostMapping("/{number}/acceptance")
    @Operation(summary = "受理, with each deferred material's due date (容缺)")
    ApiCase accept(@PathVariable String number, @RequestBody(required = false) @Nullable Acceptance body) {
        Map<String, LocalDate> due = body == null || body.deferredDue() == null ? Map.of() : body.deferredDue();
        return ApiCase.of(cases.accept(parse(number), due));
    }

    @PostMapping("/{number}/refusal")
    @Operation(summary = "不予受理, with the reasons")
    ApiCase refuse(@PathVariable String number, @RequestBody Reasons body) {
        return ApiCase.of(cases.refuseToAccept(parse(number), body.reasons()));
    }

    @PostMapping("/{number}/corrections")
    @Operation(summary = "一次性告知补正: every material to correct, once")
    ApiCase corrections(@PathVariable String number, @RequestBody Corrections body) {
        return ApiCase.of(cases.requestCorrection(parse(number), body.items() == null ? List.of() : body.items()));
    }

    @PostMapping("/{number}/resubmission")
    @Operation(summary = "The applicant resubmits the corrected materials")
    ApiCase resubmit(@PathVariable String number, @RequestBody Materials body) {
        return ApiCase.of(cases.resubmit(parse(number), body.materials() == null ? List.of() : body.materials()));
    }

    @PostMapping("/{number}/withdrawal")
    @Operation(summary = "The applicant withdraws the application before a decision")
    ApiCase withdraw(@PathVariable String number, @RequestBody Reasons body) {
        return ApiCase.of(cases.withdraw(parse(number), body.reasons()));
    }

    @PostMapping("/{number}/claim")
    @Operation(summary = "Claim the current step")
    ApiCase claim(@PathVariable String number) {
        return ApiCase.of(cases.claim(parse(number)));
    }

    @PostMapping("/{number}/steps/{step}/completion")
    @Operation(summary = "Complete the current step (from 0) with an opinion; the case passes to the next")
    ApiCase completeStep(@PathVariable String number, @PathVariable int step, @RequestBody Opinion body) {
        return ApiCase.of(cases.completeStep(parse(number), step, body.opinion()));
    }

    @PostMapping("/{number}/return")
    @Operation(summary = "Return the case to an earlier step")
    ApiCase returnToStep(@PathVariable String number, @RequestBody Return body) {
        return ApiCase.of(cases.returnToStep(parse(number), body.toStep(), body.opinion()));
    }

    @PostMapping("/{number}/suspension")
    @Operation(summary = "Start one of the item's special procedures (特别程序): the clock stops")
    ApiCase suspend(@PathVariable String number, @RequestBody Suspension body) {
        return ApiCase.of(cases.suspend(parse(number), body.procedure(), body.reason()));
    }

    @PostMapping("/{number}/resumption")
    @Operation(summary = "End the special procedure with its result: the clock runs again")
    ApiCase resume(@PathVariable String number, @RequestBody Result body) {
        return ApiCase.of(cases.resume(parse(number), body.result()));
    }

    @PostMapping("/{number}/extension")
    @Operation(summary = "延长审批 by the department head, where the item allows it")
    ApiCase extend(@PathVariable String number, @RequestBody Reasons body) {
        return ApiCase.of(cases.extend(parse(number), body.reasons()));
    }

    @PostMapping("/{number}/deferred-materials")
    @Operation(summary = "A deferred material (容缺) was handed in")
    ApiCase receive(@PathVariable String number, @RequestBody Receipt body) {
        return ApiCase.of(cases.receiveDeferredMaterial(parse(number), body.material()));
    }

    @PostMapping("/{number}/approval")
    @Operation(summary = "准予, at the last step; refused while a deferred material is outstanding")
    ApiCase approve(@PathVariable String number, @RequestBody Opinion body) {
        return ApiCase.of(cases.approve(parse(number), body.opinion()));
    }

    @PostMapping("/{number}/rejection")
    @Operation(summary = "不予许可, with reasons and legal basis; completes the case")
    ApiCase reject(@PathVariable String number, @RequestBody Rejection body) {
        return ApiCase.of(cases.reject(parse(number), body.reasons(), body.legalBasis()));
    }

    @PostMapping("/{number}/completion")
    @Operation(summary = "办结 after approval: the result is issued and handed over")
    ApiCase complete(@PathVariable String number) {
        return ApiCase.of(cases.complete(parse(number)));
    }

    @PostMapping("/{number}/revocation")
    @Operation(summary = "Revoke an approval obtained by a false commitment (告知承诺)")
    ApiCase revoke(@PathVariable String number, @RequestBody Reasons body) {
        return ApiCase.of(cases.revoke(parse(number), body.reasons()));
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "CaseCommitmentFinding")
    record Finding(@io.swagger.v3.oas.annotations.media.Schema(description = "whether the commitments proved true")
                   boolean truthful,
                   @io.swagger.v3.oas.annotations.media.Schema(description = "what the check found (核查情况)")
                   String finding) {
    }

    @PostMapping("/{number}/commitment-check")
    @Operation(summary = "告知承诺事后核查: record whether the commitments an approval rested on are true")
    ApiCase checkCommitment(@PathVariable String number, @RequestBody Finding body) {
        return ApiCase.of(cases.checkCommitment(parse(number), body.truthful(), body.finding()));
    }

    static CaseNumber parse(String number) {
        try {
            return CaseNumber.parse(number);
        }
        catch (InvalidValueException e) {
            throw new InvalidInputException(Violation.of("number", e.code(), e.getMessage()));
        }
    }

    // ---- documents (PDF) ----

    @GetMapping(value = "/{number}/receipt.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "the PDF",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
    @Operation(summary = "The receipt of the submission (收件回执) as PDF, with a QR code to the progress page")
    ResponseEntity<byte[]> receipt(@PathVariable String number) {
        CaseNumber parsed = parse(number);
        return pdf(cases.receipt(parsed), parsed.value() + "-回执.pdf");
    }

    @GetMapping(value = "/{number}/commitment.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "the PDF",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
    @Operation(summary = "The 告知承诺书 the applicant signed, as PDF: the department's 告知 and the commitment; "
            + "409 for a case without one")
    ResponseEntity<byte[]> commitmentLetter(@PathVariable String number) {
        CaseNumber parsed = parse(number);
        return pdf(cases.commitmentLetter(parsed), parsed.value() + "-告知承诺书.pdf");
    }

    @GetMapping(value = "/{number}/notices/{kind}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "the PDF",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
    @Operation(summary = "A notice the case has been given, as PDF: 受理, 不予受理, 补正 or the decision; 409 before it exists")
    ResponseEntity<byte[]> notice(@PathVariable String number,
                                  @Parameter(description = "ACCEPTANCE, NON_ACCEPTANCE, CORRECTION or DECISION")
                                  @PathVariable String kind) {
        CaseNumber parsed = parse(number);
        NoticeKind notice = noticeKind(kind);
        return pdf(cases.notice(parsed, notice), notice.number(parsed) + ".pdf");
    }

    private static NoticeKind noticeKind(String kind) {
        try {
            return NoticeKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException(Violation.of("kind", "case.notice-kind",
                    "通知书类型应为 ACCEPTANCE、NON_ACCEPTANCE、CORRECTION 或 DECISION"));
        }
    }

    /** Shown in the browser, saved under the Chinese name (RFC 6266 {@code filename*}). */
    private static ResponseEntity<byte[]> pdf(byte[] body, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(fileName, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(body);
    }
}
