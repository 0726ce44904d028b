package org.tongban.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.tongban.cases.SubmittedMaterial.Provision;
import org.tongban.identity.Role;
import org.tongban.shared.WorkingDayCalendar;

/** A licensing item's terms and the people who act on its cases, for tests without Spring. */
final class TestCases {

    static final UUID DEPARTMENT = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    static final CaseClock CLOCK = new CaseClock(WorkingDayCalendar.fromClasspath(false), 5, true, 20,
            java.time.ZoneId.of("Asia/Shanghai"));
    static final Actor APPLICANT = Actor.applicant(UUID.fromString("00000000-0000-0000-0000-0000000000a1"), "张三");
    static final Actor CLERK = staff("a2", "窗口李四", Role.WINDOW_CLERK);
    static final Actor REVIEWER = staff("a3", "审批王五", Role.DEPARTMENT_REVIEWER);
    static final Actor OTHER_REVIEWER = staff("a5", "审批孙七", Role.DEPARTMENT_REVIEWER);
    static final Actor HEAD = staff("a4", "科长赵六", Role.DEPARTMENT_HEAD);

    static final CaseTerms LICENSING = new CaseTerms("食品经营许可", DEPARTMENT, false, Limit.workingDays(20),
            Limit.workingDays(10), Limit.workingDays(10),
            List.of(new CaseTerms.StepTerm("审查", Role.DEPARTMENT_REVIEWER),
                    new CaseTerms.StepTerm("决定", Role.DEPARTMENT_HEAD)),
            List.of(new CaseTerms.MaterialTerm("营业执照", true, false, false),
                    new CaseTerms.MaterialTerm("经营场所证明", true, true, false),
                    new CaseTerms.MaterialTerm("食品安全管理制度", true, false, true)),
            List.of("现场勘验"), "食品经营许可证");

    static final CaseTerms IMMEDIATE = new CaseTerms("个体工商户名称变更登记", DEPARTMENT, true, null,
            Limit.workingDays(0), null, List.of(new CaseTerms.StepTerm("办结", Role.WINDOW_CLERK)),
            List.of(new CaseTerms.MaterialTerm("营业执照", true, false, false)), List.of(), "营业执照");

    private TestCases() {
    }

    static Actor staff(String suffix, String name, Role role) {
        return new Actor(UUID.fromString("00000000-0000-0000-0000-0000000000" + suffix), name, role, DEPARTMENT);
    }

    /** An act at 10:00 in the city on {@code day}. */
    static Act on(LocalDate day, Actor by) {
        return new Act(by, day.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(), day, CLOCK);
    }

    static Case submitted(CaseTerms terms, LocalDate day, List<SubmittedMaterial> materials) {
        return Case.submit(CaseId.random(), CaseNumber.of("370602", day, 1), new ItemVersionRef("ITEM-1", 1), terms,
                new Applicant(APPLICANT.accountId(), Applicant.Kind.PERSON, "张三", "3706**********0011", "0001"),
                Intake.online(Intake.Channel.WEB, new Intake.Delivery(Intake.Delivery.Method.ELECTRONIC, null)),
                Map.of("name", "张三"), materials, on(day, APPLICANT));
    }

    static List<SubmittedMaterial> allFiles() {
        return List.of(file("营业执照"), file("经营场所证明"), file("食品安全管理制度"));
    }

    static SubmittedMaterial file(String name) {
        return new SubmittedMaterial(name, Provision.FILE, "ab".repeat(32), name + ".pdf");
    }

    static SubmittedMaterial deferred(String name) {
        return new SubmittedMaterial(name, Provision.DEFERRED, null, null);
    }

    static SubmittedMaterial committed(String name) {
        return new SubmittedMaterial(name, Provision.COMMITMENT, null, null);
    }

    static Instant noon(LocalDate day) {
        return day.atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }
}
