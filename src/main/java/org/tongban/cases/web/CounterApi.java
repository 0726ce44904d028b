package org.tongban.cases.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
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
import org.tongban.cases.CaseManagement;
import org.tongban.cases.CounterApplication;
import org.tongban.cases.MaterialSources;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.Violation;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 窗口收件 over HTTP: a counter client applies for the applicant in front of the clerk, found with
 * {@code POST /api/v1/counter/applicants/search}, at a centre from {@code GET /api/v1/service-centres}, exactly as
 * {@code POST /api/v1/cases} applies online: an {@code Idempotency-Key} (per clerk), 201 with the case's
 * {@code Location}, 200 with the same case for a retry. Unlike online, materials may be {@code PAPER} (originals
 * seen at the counter) and scans are uploaded by the clerk with {@code POST /api/v1/cases/files}.
 */
@RestController
@RequestMapping("/api/v1/counter")
@Tag(name = "Counter 窗口收件", description = "Counter intake: the applicant and the accepting centre")
class CounterApi {

    /**
     * The domain names a problem as the counter page names its field; the JSON nests them. Everything else
     * ({@code form.<key>}, {@code materials.<name>}, {@code Idempotency-Key}) is named the same both ways, under
     * {@code application.} for the application's parts.
     */
    private static final Map<String, String> FIELDS = Map.of("applicant", "applicantAccountId",
            "kind", "authorisation.kind", "agentName", "authorisation.agentName",
            "agentIdNumber", "authorisation.agentIdNumber", "acceptingCentre", "acceptingCentre",
            "application", "application", "Idempotency-Key", "Idempotency-Key");

    private final CaseManagement cases;

    CounterApi(CaseManagement cases) {
        this.cases = cases;
    }

    @Schema(name = "CounterApplication", description = "An application a window clerk takes in for the applicant in front of them")
    record Request(@Schema(description = "the applicant's account, as found or registered at the counter")
                   @Nullable UUID applicantAccountId,
                   @Schema(description = "code of the service centre whose counter takes it (any centre, 收受分离)",
                           example = "HC-DG") @Nullable String acceptingCentre,
                   @Schema(description = "who stands at the counter and on what authority") @Nullable Authorisation authorisation,
                   @Schema(description = "the application itself, as POST /api/v1/cases takes it; materials may also be "
                           + "PAPER (originals seen at the counter)") @Nullable Application application) {

        CounterApplication toApplication() {
            return new CounterApplication(applicantAccountId, application, acceptingCentre, authorisation == null ? null
                    : new CounterApplication.Authorisation(authorisation.kind(), authorisation.agentName(),
                            authorisation.agentIdNumber()));
        }
    }

    @Schema(name = "CounterAuthorisation", description = "What authorises the clerk to apply (帮办代办)")
    record Authorisation(@Schema(description = "APPLICANT_IN_PERSON, LEGAL_REPRESENTATIVE, AGENT (with a power of "
                                 + "attorney) or ASSISTED (the centre's 帮办代办 on written authorisation)")
                         CounterApplication.Authorisation.@Nullable Kind kind,
                         @Schema(description = "AGENT only: the agent's name") @Nullable String agentName,
                         @Schema(description = "AGENT only: the agent's ID number; the case keeps it masked")
                         @Nullable String agentIdNumber) {
    }

    @PostMapping("/cases")
    @Operation(summary = "Apply at the counter for the applicant (window clerk)",
            description = "The same Idempotency-Key (per clerk) with the same body returns the first case (200) and "
                    + "creates nothing; with a different body it is refused (409). A new case is 201 with its Location.")
    ResponseEntity<ApiCase> submitAtCounter(@Parameter(description = "8 to 64 characters, new for each application")
                                   @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
                                   @RequestBody Request body) {
        CaseManagement.Submitted result;
        try {
            result = cases.submitAtCounter(body.toApplication(), key == null ? "" : key);
        }
        catch (InvalidInputException e) {
            throw new InvalidInputException(e.violations().stream().map(CounterApi::asJsonField).toList());
        }
        ApiCase created = ApiCase.of(result.submitted());
        return result.created()
                ? ResponseEntity.created(URI.create("/api/v1/cases/" + created.number())).body(created)
                : ResponseEntity.ok(created);
    }

    private static Violation asJsonField(Violation v) {
        String field = FIELDS.getOrDefault(v.field(), "application." + v.field());
        return new Violation(field, v.code(), v.defaultMessage(), v.arguments());
    }

    @GetMapping("/applicants/{accountId}/held-materials")
    @Operation(summary = "What the applicant holds that can stand in for each material of the item (免提交), by material name",
            description = "Attach one as provision BY_REFERENCE with its reference; the applicant's consent is theirs to give at the counter.")
    Map<String, List<MaterialSources.HeldMaterial>> heldMaterialsAtCounter(@PathVariable UUID accountId,
                                                         @Parameter(description = "实施编码 of the item") @RequestParam String item) {
        return cases.heldMaterialsAtCounter(accountId, item);
    }
}
