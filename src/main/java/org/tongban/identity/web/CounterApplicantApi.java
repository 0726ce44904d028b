package org.tongban.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.AccountSummary;
import org.tongban.identity.CounterRegistration;
import org.tongban.identity.DepartmentManagement;
import org.tongban.identity.ServiceCentre;
import org.tongban.shared.NotFound;

import java.util.List;
import java.util.UUID;

/**
 * What a counter client (综合窗口) needs before it applies for someone: the service centres whose code a case
 * records, and the applicant found by the ID number or credit code on the document in front of the clerk, or
 * registered when nobody has an account yet. The number travels in the body, never in the URL, so that it stays out
 * of access logs and proxies; each find is logged as an access to personal data, and the answer is masked.
 */
@RestController
@Tag(name = "Counter 窗口收件", description = "Counter intake: the applicant and the accepting centre")
class CounterApplicantApi {

    private final AccountManagement accounts;
    private final DepartmentManagement departments;

    CounterApplicantApi(AccountManagement accounts, DepartmentManagement departments) {
        this.accounts = accounts;
        this.departments = departments;
    }

    @Schema(name = "CounterApplicantSearch")
    record Search(@Schema(description = "the 18-character ID number (自然人) or unified social credit code (法人)",
            example = "91377002HC10000182") @Nullable String identifier) {
    }

    @Schema(name = "CounterApplicant", description = "An applicant account as the counter sees it: numbers masked")
    record Applicant(@Schema(description = "what a counter application names as applicantAccountId") UUID id,
                     @Schema(description = "CITIZEN or ENTERPRISE") String kind,
                     @Schema(description = "the person's or enterprise's name") String displayName,
                     @Schema(description = "ID number, masked (for an enterprise its legal representative's)")
                     @Nullable String maskedIdNumber,
                     @Schema(description = "mobile, masked") @Nullable String maskedMobile,
                     @Schema(description = "unified social credit code of an enterprise") @Nullable String creditCode,
                     @Schema(description = "legal representative of an enterprise") @Nullable String legalRepresentative,
                     @Schema(description = "real-name level: MOBILE_VERIFIED, REGISTRY_MATCHED or IN_PERSON")
                     String realNameLevel) {

        static Applicant of(AccountSummary a) {
            return new Applicant(a.id(), a.kind().name(), a.displayName(), a.maskedIdNumber(), a.maskedMobile(),
                    a.creditCode(), a.legalRepresentative(), a.realNameLevel().name());
        }
    }

    @Schema(name = "CounterRegistration", description = "窗口代为注册: the applicant as on the originals the clerk has seen")
    record Registration(@Schema(description = "true for an enterprise (identifier is a credit code)") boolean organisation,
                        @Schema(description = "ID number or unified social credit code") @Nullable String identifier,
                        @Schema(description = "name on the ID card or business licence") @Nullable String name,
                        @Schema(description = "mobile the applicant gives: they set their password with an SMS code to it")
                        @Nullable String mobile,
                        @Schema(description = "enterprise only") @Nullable String legalRepresentative,
                        @Schema(description = "enterprise only") @Nullable String legalRepresentativeIdNumber,
                        @Schema(description = "the clerk has checked the originals against the person at the counter")
                        boolean documentsSeen) {
    }

    @Schema(name = "ServiceCentre", description = "A government service centre (政务服务中心) with counters")
    record Centre(@Schema(description = "what a counter application names as acceptingCentre", example = "HC-DG") String code,
                  String name,
                  @Schema(description = "6-digit administrative region code") String regionCode,
                  @Nullable String address, @Nullable String phone, @Nullable String openingHours) {

        static Centre of(ServiceCentre c) {
            return new Centre(c.code(), c.name(), c.regionCode(), c.address(), c.phone(), c.openingHours());
        }
    }

    @GetMapping("/api/v1/service-centres")
    @Operation(summary = "The service centres (public): any of them takes in any item (收受分离)")
    List<Centre> serviceCentres() {
        return departments.serviceCentres().stream().map(Centre::of).toList();
    }

    @PostMapping("/api/v1/counter/applicants/search")
    @Operation(summary = "Find the applicant by ID number or credit code (window clerk); logged, answered masked",
            description = "404 when nobody has an account with this number: register them with POST /api/v1/counter/applicants.")
    Applicant findApplicantAtCounter(@RequestBody Search body) {
        return accounts.findApplicantAtCounter(body.identifier()).map(Applicant::of)
                .orElseThrow(() -> new NotFound("没有使用这个身份证号码或统一社会信用代码的申请人账号，可在查验原件后为其登记"));
    }

    @PostMapping("/api/v1/counter/applicants")
    @Operation(summary = "Register an applicant who has no account (window clerk), verified in person",
            description = "Nobody knows the password the account gets: the applicant sets their own with 忘记密码.")
    ResponseEntity<Applicant> registerAtCounter(@RequestBody Registration r) {
        AccountSummary registered = accounts.registerAtCounter(new CounterRegistration(r.organisation(),
                r.identifier() == null ? "" : r.identifier(), r.name() == null ? "" : r.name(),
                r.mobile() == null ? "" : r.mobile(), r.legalRepresentative(), r.legalRepresentativeIdNumber(),
                r.documentsSeen()));
        return ResponseEntity.status(201).body(Applicant.of(registered));
    }
}
