package org.tongban.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.identity.PasswordReset;
import org.tongban.shared.InvalidInputException;
import org.tongban.web.ViolationMessages;

/**
 * 忘记密码 in two pages: the mobile number, then the code from the SMS with the new password. The first answer is
 * the same whether or not an account has the number.
 */
@Controller
@RequestMapping("/password-reset")
class PasswordResetController {

    private final PasswordReset reset;
    private final ViolationMessages messages;

    PasswordResetController(PasswordReset reset, ViolationMessages messages) {
        this.reset = reset;
        this.messages = messages;
    }

    /** Both pages' fields; the first uses only the mobile. */
    public static class ResetForm {
        private String mobile = "";
        private String code = "";
        private String password = "";

        public String getMobile() { return mobile; }
        public void setMobile(String mobile) { this.mobile = mobile; }
        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
    }

    @GetMapping
    String start(Model model) {
        model.addAttribute("form", new ResetForm());
        return "identity/password-reset";
    }

    @PostMapping
    String requestCode(@ModelAttribute("form") ResetForm form, BindingResult binding, HttpServletRequest request,
                       RedirectAttributes redirect) {
        try {
            reset.requestCode(form.getMobile(), request.getRemoteAddr());
        } catch (InvalidInputException e) {
            messages.bind(binding, e.violations());
            return "identity/password-reset";
        }
        // Flash attributes live in the JDBC session: plain strings, not the form.
        redirect.addFlashAttribute("mobile", form.getMobile().strip());
        redirect.addFlashAttribute("sent", true);
        return "redirect:/password-reset/code";
    }

    @GetMapping("/code")
    String codeForm(Model model) {
        ResetForm form = new ResetForm();
        if (model.getAttribute("mobile") instanceof String mobile) {
            form.setMobile(mobile);
        }
        model.addAttribute("form", form);
        model.addAttribute("minutes", reset.codeValidity().toMinutes());
        return "identity/password-reset-code";
    }

    @PostMapping("/code")
    String setPassword(@ModelAttribute("form") ResetForm form, BindingResult binding, Model model,
                       RedirectAttributes redirect) {
        try {
            reset.reset(form.getMobile(), form.getCode(), form.getPassword());
        } catch (InvalidInputException e) {
            form.setPassword("");
            messages.bind(binding, e.violations());
            model.addAttribute("minutes", reset.codeValidity().toMinutes());
            return "identity/password-reset-code";
        }
        redirect.addFlashAttribute("passwordReset", true);
        return "redirect:/login";
    }
}
