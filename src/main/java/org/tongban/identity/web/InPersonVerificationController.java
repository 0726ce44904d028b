package org.tongban.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.tongban.identity.AccountManagement;
import org.tongban.shared.InvalidInputException;
import org.tongban.web.StaffMenuContributor;
import org.tongban.web.StaffMenuEntry;
import org.tongban.web.ViolationMessages;

import java.util.List;

/** 当面核验 at the counter: a window clerk raises an account to the in-person real-name level. */
@Controller
@RequestMapping("/staff/real-name")
class InPersonVerificationController {

    private final AccountManagement accounts;
    private final ViolationMessages messages;

    InPersonVerificationController(AccountManagement accounts, ViolationMessages messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    public static class VerificationForm {
        private String identifier = "";
        private boolean documentsSeen;

        public String getIdentifier() { return identifier; }
        public void setIdentifier(String identifier) { this.identifier = identifier; }
        public boolean isDocumentsSeen() { return documentsSeen; }
        public void setDocumentsSeen(boolean documentsSeen) { this.documentsSeen = documentsSeen; }
    }

    /** Only window clerks see the page; {@link AccountManagement#verifyInPerson} checks the role again. */
    @GetMapping
    @org.springframework.security.access.prepost.PreAuthorize("hasRole('WINDOW_CLERK')")
    String form(Model model) {
        model.addAttribute("form", new VerificationForm());
        return "identity/in-person";
    }

    @PostMapping
    String verify(@ModelAttribute("form") VerificationForm form, BindingResult binding, Model model) {
        try {
            model.addAttribute("verified", accounts.verifyInPerson(form.getIdentifier(), form.isDocumentsSeen()));
            model.addAttribute("form", new VerificationForm());
        } catch (InvalidInputException e) {
            messages.bind(binding, e.violations());
        }
        return "identity/in-person";
    }

    @org.springframework.stereotype.Component
    static class Menu implements StaffMenuContributor {
        @Override
        public List<StaffMenuEntry> staffMenuEntries() {
            return List.of(new StaffMenuEntry("in-person.menu.section", "in-person.title", "/staff/real-name",
                    "WINDOW_CLERK", 300));
        }
    }
}
