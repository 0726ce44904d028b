package org.tongban.identity.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.identity.AccountKind;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.AccountSummary;
import org.tongban.identity.Department;
import org.tongban.identity.DepartmentManagement;
import org.tongban.identity.Role;
import org.tongban.identity.StaffAccountRequest;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.NotFound;
import org.tongban.web.StaffMenuContributor;
import org.tongban.web.StaffMenuEntry;
import org.tongban.web.ViolationMessages;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Accounts as people see them: one's own account with personal numbers masked, and for platform administrators
 * the list of accounts, the logged look at a full ID number (which needs a stated purpose), and the administration
 * of staff accounts: opening one, roles and department, disabling, unlocking and a new password.
 */
@Controller
class AccountPagesController {

    private final AccountManagement accounts;
    private final DepartmentManagement departments;
    private final ViolationMessages messages;
    private final MessageSource labels;

    AccountPagesController(AccountManagement accounts, DepartmentManagement departments, ViolationMessages messages,
                           MessageSource labels) {
        this.accounts = accounts;
        this.departments = departments;
        this.messages = messages;
        this.labels = labels;
    }

    /** The new staff account form's fields, in the order the page shows them. */
    public static class StaffForm {
        private String username = "";
        private String displayName = "";
        private String departmentCreditCode = "";
        private Set<Role> roles = EnumSet.noneOf(Role.class);
        private String password = "";

        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public String getDisplayName() { return displayName; }
        public void setDisplayName(String displayName) { this.displayName = displayName; }
        public String getDepartmentCreditCode() { return departmentCreditCode; }
        public void setDepartmentCreditCode(String v) { this.departmentCreditCode = v; }
        public Set<Role> getRoles() { return roles; }
        public void setRoles(Set<Role> roles) { this.roles = roles; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
    }

    /** Where a staff member works and what she may do. */
    public static class AssignmentForm {
        private String departmentCreditCode = "";
        private Set<Role> roles = EnumSet.noneOf(Role.class);

        public String getDepartmentCreditCode() { return departmentCreditCode; }
        public void setDepartmentCreditCode(String v) { this.departmentCreditCode = v; }
        public Set<Role> getRoles() { return roles; }
        public void setRoles(Set<Role> roles) { this.roles = roles; }
    }

    /** A new password set by the administrator. */
    public static class PasswordForm {
        private String password = "";

        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
    }

    @GetMapping("/account")
    String own(Model model) {
        model.addAttribute("account", accounts.currentAccount().orElseThrow(() -> new NotFound("没有这个账号")));
        return "identity/account";
    }

    @GetMapping("/admin/accounts")
    String list(Model model) {
        model.addAttribute("accounts", accounts.allAccounts());
        model.addAttribute("departments", departments.allById());
        return "identity/accounts";
    }

    @GetMapping("/admin/accounts/new")
    String newStaff(Model model) {
        model.addAttribute("form", new StaffForm());
        return staffForm(model);
    }

    @PostMapping("/admin/accounts/new")
    String createStaff(@ModelAttribute("form") StaffForm form, BindingResult binding, Model model,
                       RedirectAttributes redirect) {
        UUID id;
        try {
            id = accounts.createStaff(new StaffAccountRequest(form.getUsername().strip(), form.getDisplayName(),
                    form.getPassword(), form.getDepartmentCreditCode(), form.getRoles()));
        } catch (InvalidInputException e) {
            form.setPassword("");
            messages.bind(binding, e.violations());
            return staffForm(model);
        }
        redirect.addFlashAttribute("done", "accounts.created");
        return "redirect:/admin/accounts/" + id;
    }

    private String staffForm(Model model) {
        model.addAttribute("departmentOptions", departmentOptions());
        model.addAttribute("roleOptions", roleOptions());
        return "identity/staff-new";
    }

    @GetMapping("/admin/accounts/{id}")
    String detail(@PathVariable UUID id, Model model) {
        addDetail(id, model);
        return "identity/account-detail";
    }

    @PostMapping("/admin/accounts/{id}/id-number")
    String reveal(@PathVariable UUID id, @RequestParam(defaultValue = "") String purpose, Model model) {
        try {
            model.addAttribute("revealed", accounts.revealIdNumber(id, purpose));
        } catch (InvalidInputException e) {
            model.addAttribute("purposeError", messages.byField(e.violations()).values().iterator().next());
        }
        model.addAttribute("purpose", purpose);
        addDetail(id, model);
        return "identity/account-detail";
    }

    @PostMapping("/admin/accounts/{id}/assignment")
    String reassign(@PathVariable UUID id, @ModelAttribute("assignment") AssignmentForm form, BindingResult binding,
                    Model model, RedirectAttributes redirect) {
        try {
            accounts.reassign(id, form.getRoles(), form.getDepartmentCreditCode());
        } catch (InvalidInputException e) {
            messages.bind(binding, e.violations());
            addDetail(id, model);
            return "identity/account-detail";
        }
        return done(id, "accounts.assignment.saved", redirect);
    }

    @PostMapping("/admin/accounts/{id}/password")
    String setPassword(@PathVariable UUID id, @ModelAttribute("passwordForm") PasswordForm form,
                       BindingResult binding, Model model, RedirectAttributes redirect) {
        try {
            accounts.setPassword(id, form.getPassword());
        } catch (InvalidInputException e) {
            form.setPassword("");
            messages.bind(binding, e.violations());
            addDetail(id, model);
            return "identity/account-detail";
        }
        return done(id, "accounts.password.saved", redirect);
    }

    @PostMapping("/admin/accounts/{id}/disable")
    String disable(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        try {
            accounts.disable(id);
        } catch (InvalidInputException e) {
            model.addAttribute("statusError", messages.byField(e.violations()).values().iterator().next());
            addDetail(id, model);
            return "identity/account-detail";
        }
        return done(id, "accounts.disabled.saved", redirect);
    }

    @PostMapping("/admin/accounts/{id}/enable")
    String enable(@PathVariable UUID id, RedirectAttributes redirect) {
        accounts.enable(id);
        return done(id, "accounts.enabled.saved", redirect);
    }

    @PostMapping("/admin/accounts/{id}/unlock")
    String unlock(@PathVariable UUID id, RedirectAttributes redirect) {
        accounts.unlock(id);
        return done(id, "accounts.unlocked.saved", redirect);
    }

    private static String done(UUID id, String messageKey, RedirectAttributes redirect) {
        redirect.addFlashAttribute("done", messageKey);
        return "redirect:/admin/accounts/" + id;
    }

    private void addDetail(UUID id, Model model) {
        AccountSummary account = accounts.account(id).orElseThrow(() -> new NotFound("没有这个账号"));
        model.addAttribute("account", account);
        model.addAttribute("department", account.departmentId() == null ? null
                : departments.byId(account.departmentId()).orElse(null));
        model.addAttribute("accessLog", accounts.personalDataAccessLog(id));
        model.addAttribute("history", accounts.history(id));
        if (account.kind() == AccountKind.STAFF) {
            if (!model.containsAttribute("assignment")) {
                AssignmentForm assignment = new AssignmentForm();
                assignment.setRoles(account.roles().isEmpty() ? EnumSet.noneOf(Role.class)
                        : EnumSet.copyOf(account.roles()));
                assignment.setDepartmentCreditCode(account.departmentId() == null ? ""
                        : departments.byId(account.departmentId()).map(Department::creditCode).orElse(""));
                model.addAttribute("assignment", assignment);
            }
            if (!model.containsAttribute("passwordForm")) {
                model.addAttribute("passwordForm", new PasswordForm());
            }
            model.addAttribute("departmentOptions", departmentOptions());
            model.addAttribute("roleOptions", roleOptions());
        }
        boolean self = AccountManagement.currentPrincipal().map(p -> p.accountId().equals(id)).orElse(false);
        model.addAttribute("self", self);
    }

    private Map<String, String> departmentOptions() {
        return DepartmentOptions.indented(departments.tree(), Department::creditCode, d -> true);
    }

    private Map<String, String> roleOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        AccountManagement.staffRoles().forEach(role -> options.put(role.name(),
                labels.getMessage(role.labelKey(), null, role.name(), LocaleContextHolder.getLocale())));
        return options;
    }

    @org.springframework.stereotype.Component
    static class Menu implements StaffMenuContributor {
        @Override
        public List<StaffMenuEntry> staffMenuEntries() {
            return List.of(new StaffMenuEntry("admin.menu.section", "admin.menu.accounts", "/admin/accounts",
                    "PLATFORM_ADMIN", 890));
        }
    }
}
