package org.tongban.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.identity.PlatformSetup;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.NotFound;
import org.tongban.web.ViolationMessages;

/**
 * The one-time set-up page that creates the first platform administrator, reached through the link the server
 * writes to its log. Without a valid token the page does not exist (404), so it tells nobody whether an
 * installation is still waiting to be set up.
 */
@Controller
@RequestMapping("/setup")
class SetupController {

    private final PlatformSetup setup;
    private final ViolationMessages messages;

    SetupController(PlatformSetup setup, ViolationMessages messages) {
        this.setup = setup;
        this.messages = messages;
    }

    /** The form's fields. */
    public static class SetupForm {
        private String token = "";
        private String username = "admin";
        private String displayName = "";
        private String password = "";

        public String getToken() { return token; }
        public void setToken(String token) { this.token = token; }
        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public String getDisplayName() { return displayName; }
        public void setDisplayName(String displayName) { this.displayName = displayName; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
    }

    @GetMapping
    String form(@RequestParam(defaultValue = "") String token, Model model) {
        if (!setup.tokenValid(token)) {
            throw new NotFound("没有这个页面");
        }
        SetupForm form = new SetupForm();
        form.setToken(token);
        model.addAttribute("form", form);
        return "identity/setup";
    }

    @PostMapping
    String create(@ModelAttribute("form") SetupForm form, BindingResult binding, RedirectAttributes redirect) {
        if (!setup.tokenValid(form.getToken())) {
            throw new NotFound("没有这个页面");
        }
        try {
            setup.createFirstAdministrator(form.getToken(), form.getUsername().strip(), form.getDisplayName(),
                    form.getPassword());
        } catch (InvalidInputException refused) {
            form.setPassword("");
            messages.bind(binding, refused.violations());
            return "identity/setup";
        }
        redirect.addFlashAttribute("setUp", true);
        return "redirect:/login";
    }
}
