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
import org.tongban.identity.AccountManagement;
import org.tongban.identity.CitizenRegistration;
import org.tongban.identity.EnterpriseRegistration;
import org.tongban.shared.InvalidInputException;
import org.tongban.web.ViolationMessages;

/**
 * Self-registration (实名注册) of citizens and enterprises. A refused form comes back with every typed value kept
 * (except the password) and each message beside its field.
 */
@Controller
@RequestMapping("/register")
class RegistrationController {

    private final AccountManagement accounts;
    private final ViolationMessages messages;

    RegistrationController(AccountManagement accounts, ViolationMessages messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    /** The citizen form's fields. */
    public static class CitizenForm {
        private String realName = "";
        private String idNumber = "";
        private String mobile = "";
        private String mobileCode = "";
        private String password = "";

        public String getRealName() { return realName; }
        public void setRealName(String realName) { this.realName = realName; }
        public String getIdNumber() { return idNumber; }
        public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
        public String getMobile() { return mobile; }
        public void setMobile(String mobile) { this.mobile = mobile; }
        public String getMobileCode() { return mobileCode; }
        public void setMobileCode(String mobileCode) { this.mobileCode = mobileCode; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
    }

    /** The enterprise form's fields. */
    public static class EnterpriseForm {
        private String creditCode = "";
        private String enterpriseName = "";
        private String legalRepresentative = "";
        private String legalRepresentativeIdNumber = "";
        private String mobile = "";
        private String mobileCode = "";
        private String password = "";

        public String getCreditCode() { return creditCode; }
        public void setCreditCode(String creditCode) { this.creditCode = creditCode; }
        public String getEnterpriseName() { return enterpriseName; }
        public void setEnterpriseName(String enterpriseName) { this.enterpriseName = enterpriseName; }
        public String getLegalRepresentative() { return legalRepresentative; }
        public void setLegalRepresentative(String v) { this.legalRepresentative = v; }
        public String getLegalRepresentativeIdNumber() { return legalRepresentativeIdNumber; }
        public void setLegalRepresentativeIdNumber(String v) { this.legalRepresentativeIdNumber = v; }
        public String getMobile() { return mobile; }
        public void setMobile(String mobile) { this.mobile = mobile; }
        public String getMobileCode() { return mobileCode; }
        public void setMobileCode(String mobileCode) { this.mobileCode = mobileCode; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
    }

    @GetMapping
    String choose() {
        return "identity/register";
    }

    @GetMapping("/citizen")
    String citizenForm(Model model) {
        model.addAttribute("form", new CitizenForm());
        return "identity/register-citizen";
    }

    @PostMapping("/citizen")
    String registerCitizen(@ModelAttribute("form") CitizenForm form, BindingResult binding,
                           RedirectAttributes redirect) {
        return register(() -> accounts.registerCitizen(new CitizenRegistration(form.getRealName(),
                form.getIdNumber(), form.getMobile(), form.getPassword()), form.getMobileCode()),
                () -> form.setPassword(""), binding, redirect, "identity/register-citizen");
    }

    @GetMapping("/enterprise")
    String enterpriseForm(Model model) {
        model.addAttribute("form", new EnterpriseForm());
        return "identity/register-enterprise";
    }

    @PostMapping("/enterprise")
    String registerEnterprise(@ModelAttribute("form") EnterpriseForm form, BindingResult binding,
                              RedirectAttributes redirect) {
        return register(() -> accounts.registerEnterprise(new EnterpriseRegistration(form.getCreditCode(),
                        form.getEnterpriseName(), form.getLegalRepresentative(), form.getLegalRepresentativeIdNumber(),
                        form.getMobile(), form.getPassword()), form.getMobileCode()),
                () -> form.setPassword(""), binding, redirect, "identity/register-enterprise");
    }

    /**
     * The form's first button (获取验证码, {@code formaction}): sends the code to the typed mobile and shows the form
     * again with everything typed kept except the password, so that the page works without JavaScript.
     */
    @PostMapping("/citizen/code")
    String citizenCode(@ModelAttribute("form") CitizenForm form, BindingResult binding, HttpServletRequest request,
                       Model model) {
        form.setPassword("");
        return sendCode(form.getMobile(), binding, request, model, "identity/register-citizen");
    }

    @PostMapping("/enterprise/code")
    String enterpriseCode(@ModelAttribute("form") EnterpriseForm form, BindingResult binding,
                          HttpServletRequest request, Model model) {
        form.setPassword("");
        return sendCode(form.getMobile(), binding, request, model, "identity/register-enterprise");
    }

    private String sendCode(String mobile, BindingResult binding, HttpServletRequest request, Model model,
                            String formView) {
        try {
            accounts.sendRegistrationCode(mobile, request.getRemoteAddr());
            model.addAttribute("codeSent", true);
        } catch (InvalidInputException e) {
            messages.bind(binding, e.violations());
        }
        return formView;
    }

    /** Registers, or shows the form again with each message beside its field and the password cleared. */
    private String register(Runnable registration, Runnable clearPassword, BindingResult binding,
                            RedirectAttributes redirect, String formView) {
        try {
            registration.run();
        } catch (InvalidInputException e) {
            clearPassword.run();
            messages.bind(binding, e.violations());
            return formView;
        }
        redirect.addFlashAttribute("registered", true);
        return "redirect:/login";
    }
}
