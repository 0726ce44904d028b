package org.tongban.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.DepartmentManagement;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.NotFound;
import org.tongban.web.StaffMenuContributor;
import org.tongban.web.StaffMenuEntry;
import org.tongban.web.ViolationMessages;

import java.util.List;
import java.util.UUID;

/**
 * Accounts as people see them: one's own account with personal numbers masked, and for platform administrators
 * the list of accounts and the logged look at a full ID number, which needs a stated purpose.
 */
@Controller
class AccountPagesController {

    private final AccountManagement accounts;
    private final DepartmentManagement departments;
    private final ViolationMessages messages;

    AccountPagesController(AccountManagement accounts, DepartmentManagement departments, ViolationMessages messages) {
        this.accounts = accounts;
        this.departments = departments;
        this.messages = messages;
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

    private void addDetail(UUID id, Model model) {
        model.addAttribute("account", accounts.allAccounts().stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFound("没有这个账号")));
        model.addAttribute("accessLog", accounts.personalDataAccessLog(id));
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
