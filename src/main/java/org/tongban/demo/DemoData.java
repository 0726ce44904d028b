package org.tongban.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.tongban.cases.CaseManagement;
import org.tongban.catalog.CatalogueTransfer;
import org.tongban.catalog.ImportReport;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.CitizenRegistration;
import org.tongban.identity.EnterpriseRegistration;
import org.tongban.identity.Role;
import org.tongban.identity.StaffAccountRequest;
import org.tongban.identity.SystemActor;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The fictional city of 海川市 (Haichuan), loaded once on the first start of the embedded default (see
 * {@link #enabled}): departments,
 * service centres, life-event themes, the service catalogue and one demo account for every role, then the cases
 * module's demo cases in every state (unless {@code tongban.demo-cases=false}), which need those accounts. Every code
 * carries a valid check digit, and every name and number is plainly made up (region 377000 is not a real city).
 * Loaded before the web server opens its port, so that nobody sees an empty portal or an empty desk on the first
 * start.
 */
@Component
class DemoData implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String PASSWORD = "tongban2026";
    static final String MARKET_REGULATION = "11377000HC00002511";
    static final String APPROVAL_BUREAU = "11377000HC0000024U";

    record DemoStaff(String username, String name, String department, Set<Role> roles) {
    }

    static final List<DemoStaff> STAFF = List.of(
            new DemoStaff("admin", "平台管理员 林海", null, Set.of(Role.PLATFORM_ADMIN)),
            new DemoStaff("catalog", "目录管理员 陈思远（市行政审批局）", null, Set.of(Role.CATALOGUE_ADMIN)),
            new DemoStaff("catalog.scj", "目录管理员 王晓（市市场监管局）", MARKET_REGULATION, Set.of(Role.CATALOGUE_ADMIN)),
            new DemoStaff("legal", "法制审核员 赵明", null, Set.of(Role.LEGAL_REVIEWER)),
            new DemoStaff("clerk", "综合窗口 刘芳", APPROVAL_BUREAU, Set.of(Role.WINDOW_CLERK)),
            new DemoStaff("reviewer.scj", "审批人员 周杰（市市场监管局）", MARKET_REGULATION, Set.of(Role.DEPARTMENT_REVIEWER)),
            new DemoStaff("head.scj", "科室负责人 孙丽（市市场监管局）", MARKET_REGULATION, Set.of(Role.DEPARTMENT_HEAD)),
            // the other departments that have demo cases, so that those cases can move on too
            new DemoStaff("reviewer.spj", "审批人员 何静（市行政审批局）", "11377000HC0000024U", Set.of(Role.DEPARTMENT_REVIEWER)),
            new DemoStaff("head.spj", "科室负责人 韩磊（市行政审批局）", "11377000HC0000024U", Set.of(Role.DEPARTMENT_HEAD)),
            new DemoStaff("reviewer.fgw", "审批人员 许文（市发展改革委）", "11377000HC0000032N", Set.of(Role.DEPARTMENT_REVIEWER)),
            new DemoStaff("head.fgw", "科室负责人 邓强（市发展改革委）", "11377000HC0000032N", Set.of(Role.DEPARTMENT_HEAD)),
            new DemoStaff("reviewer.rsj", "审批人员 曹雪（市人社局）", "11377000HC0000104F", Set.of(Role.DEPARTMENT_REVIEWER)),
            new DemoStaff("head.rsj", "科室负责人 彭涛（市人社局）", "11377000HC0000104F", Set.of(Role.DEPARTMENT_HEAD)),
            new DemoStaff("reviewer.bdc", "审批人员 曾琳（市不动产登记中心）", "12377000HC00001202", Set.of(Role.DEPARTMENT_REVIEWER)),
            new DemoStaff("head.bdc", "科室负责人 萧军（市不动产登记中心）", "12377000HC00001202", Set.of(Role.DEPARTMENT_HEAD)),
            new DemoStaff("reviewer.zjj", "审批人员 田甜（市住房城乡建设局）", "11377000HC0000147W", Set.of(Role.DEPARTMENT_REVIEWER)),
            new DemoStaff("head.zjj", "科室负责人 董建（市住房城乡建设局）", "11377000HC0000147W", Set.of(Role.DEPARTMENT_HEAD)),
            new DemoStaff("reviewer.jtj", "审批人员 袁梅（市交通运输局）", "11377000HC0000155P", Set.of(Role.DEPARTMENT_REVIEWER)),
            new DemoStaff("head.jtj", "科室负责人 潘洋（市交通运输局）", "11377000HC0000155P", Set.of(Role.DEPARTMENT_HEAD)),
            new DemoStaff("reviewer.fybj", "审批人员 蒋宁（市妇幼保健院）", "12377000HC0000219J", Set.of(Role.DEPARTMENT_REVIEWER)),
            new DemoStaff("head.fybj", "科室负责人 蔡红（市妇幼保健院）", "12377000HC0000219J", Set.of(Role.DEPARTMENT_HEAD)),
            new DemoStaff("reviewer.ybj", "审批人员 余佳（市医保局）", "11377000HC000026XQ", Set.of(Role.DEPARTMENT_REVIEWER)),
            new DemoStaff("head.ybj", "科室负责人 杜鹏（市医保局）", "11377000HC000026XQ", Set.of(Role.DEPARTMENT_HEAD)),
            new DemoStaff("reviewer.gjj", "审批人员 叶青（市公积金中心）", "12377000HC0000286G", Set.of(Role.DEPARTMENT_REVIEWER)),
            new DemoStaff("head.gjj", "科室负责人 程亮（市公积金中心）", "12377000HC0000286G", Set.of(Role.DEPARTMENT_HEAD)),
            new DemoStaff("reviewer.sbzx", "审批人员 魏兰（市社保中心）", "12377000HC0000294B", Set.of(Role.DEPARTMENT_REVIEWER)),
            new DemoStaff("head.sbzx", "科室负责人 苏航（市社保中心）", "12377000HC0000294B", Set.of(Role.DEPARTMENT_HEAD)),
            new DemoStaff("supervisor", "效能督查 吴刚", null, Set.of(Role.SUPERVISOR)),
            new DemoStaff("hotline", "12345 话务员 郑敏", null, Set.of(Role.HOTLINE_OPERATOR)));

    static final List<CitizenRegistration> CITIZENS = List.of(
            new CitizenRegistration("张海川", "377002199001011232", "13800000001", PASSWORD),
            new CitizenRegistration("李小满", "377002198506152247", "13800000002", PASSWORD),
            new CitizenRegistration("王秋生", "37702119580308301X", "13800000003", PASSWORD));

    static final List<EnterpriseRegistration> ENTERPRISES = List.of(
            new EnterpriseRegistration("91377002HC10000182", "海川示例科技有限公司", "陈示例", "377003197505204123",
                    "13900000001", PASSWORD),
            new EnterpriseRegistration("92377003HC10000268", "西岭区示例小吃店（个体工商户）", "李小满",
                    "377002198506152247", "13900000002", PASSWORD));

    private final CatalogueTransfer transfer;
    private final AccountManagement accounts;
    private final CaseManagement cases;
    private final boolean enabled;
    private final boolean withCases;

    DemoData(CatalogueTransfer transfer, AccountManagement accounts, CaseManagement cases,
             @Value("${tongban.demo-data:}") String demoData, @Value("${spring.datasource.url:}") String externalDatabase,
             @Value("${tongban.demo-cases:true}") boolean withCases) {
        this.transfer = transfer;
        this.accounts = accounts;
        this.cases = cases;
        this.enabled = enabled(demoData, externalDatabase);
        this.withCases = withCases;
    }

    /**
     * Only on the embedded default, unless asked for explicitly ({@code TONGBAN_DEMO_DATA=true}, or {@code false}
     * to start the embedded default empty): an installation on its own database never gets accounts whose password
     * is published.
     */
    static boolean enabled(String demoData, String externalDatabase) {
        return demoData.isBlank() ? externalDatabase.isBlank() : Boolean.parseBoolean(demoData.strip());
    }

    private volatile boolean running;

    /** Before the web server, which starts in phase {@code DEFAULT_PHASE - 2048}. */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public void start() {
        running = true;
        if (enabled) {
            try {
                load();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("The demo data could not be read", e);
            }
        }
    }

    private void load() throws IOException {
        if (SystemActor.runAs("demo-data", Set.of(Role.PLATFORM_ADMIN), () -> accounts.usernameExists("admin"))) {
            // A city loaded before some demo staff existed gets them now (the accounts of other departments).
            SystemActor.runAs("demo-data", Set.of(Role.PLATFORM_ADMIN), () -> STAFF.stream()
                    .filter(s -> !accounts.usernameExists(s.username()))
                    .forEach(s -> accounts.createStaff(new StaffAccountRequest(s.username(), s.name(), PASSWORD,
                            s.department(), s.roles()))));
            log.info("Demo data already loaded. {}", accountList());
            loadCases();
            return;
        }
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:demo/catalogue/*.json");
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        // Through the same checked API a platform administrator uses, as the system actor "demo-data".
        SystemActor.runAs("demo-data", Set.of(Role.PLATFORM_ADMIN), () -> {
            for (Resource file : files) {
                ImportReport report = transfer.importDocument(read(file));
                log.info("Demo catalogue {}: {} items created, {} departments", file.getFilename(), report.created(),
                        report.departmentsChanged());
            }
            STAFF.forEach(s -> accounts.createStaff(new StaffAccountRequest(s.username(), s.name(), PASSWORD,
                    s.department(), s.roles())));
            CITIZENS.forEach(accounts::importCitizen);
            ENTERPRISES.forEach(accounts::importEnterprise);
        });
        loadCases();
        log.info("Demo data loaded. {}", accountList());
    }

    /**
     * The demo cases, after the accounts they are applied for and handled by; also on a restart, which adds only the
     * cases not there yet (none, usually), so a city loaded before the demo cases existed gets them once.
     */
    private void loadCases() {
        if (withCases) {
            SystemActor.runAs("demo-data", Set.of(Role.PLATFORM_ADMIN), cases::loadDemoCases);
        }
    }

    private static byte[] read(Resource file) {
        try {
            return file.getContentAsByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String accountList() {
        StringBuilder text = new StringBuilder("Demo accounts (password for all: " + PASSWORD + "):");
        STAFF.forEach(s -> text.append("\n  ").append(String.format("%-14s %s %s", s.username(), s.roles(), s.name())));
        CITIZENS.forEach(c -> text.append("\n  ").append(String.format("%-14s [CITIZEN] %s", c.mobile(), c.realName())));
        ENTERPRISES.forEach(e -> text.append("\n  ").append(String.format("%-14s [ENTERPRISE] %s", e.creditCode(),
                e.enterpriseName())));
        return text.toString();
    }
}
