package org.tongban.identity.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.Department;
import org.tongban.identity.DepartmentManagement;
import org.tongban.identity.DepartmentManagement.DepartmentDetails;
import org.tongban.identity.ServiceCentre;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.NotFound;
import org.tongban.shared.Violation;
import org.tongban.web.StaffMenuContributor;
import org.tongban.web.StaffMenuEntry;
import org.tongban.web.ViolationMessages;

import java.util.List;
import java.util.UUID;

/**
 * The organisation as the platform administrator keeps it: departments as a tree (部门) with their staff numbers,
 * and the service centres (政务服务中心). A refused form comes back with every typed value and each message beside
 * its field; every saved change is in the history shown on the edit page.
 */
@Controller
class DepartmentAdminController {

    private final DepartmentManagement departments;
    private final AccountManagement accounts;
    private final ViolationMessages messages;

    DepartmentAdminController(DepartmentManagement departments, AccountManagement accounts,
                              ViolationMessages messages) {
        this.departments = departments;
        this.accounts = accounts;
        this.messages = messages;
    }

    /** The department form's fields, in the order the page shows them. */
    public static class DepartmentForm {
        private String name = "";
        private String shortName = "";
        private String nameEn = "";
        private String creditCode = "";
        private String regionCode = "";
        private String parentId = "";
        private String address = "";
        private String phone = "";
        private String officeHours = "";

        static DepartmentForm of(Department d) {
            DepartmentForm form = new DepartmentForm();
            form.name = d.name();
            form.shortName = d.shortName();
            form.nameEn = d.nameEn() == null ? "" : d.nameEn();
            form.creditCode = d.creditCode();
            form.regionCode = d.regionCode();
            form.parentId = d.parentId() == null ? "" : d.parentId().toString();
            form.address = d.address() == null ? "" : d.address();
            form.phone = d.phone() == null ? "" : d.phone();
            form.officeHours = d.officeHours() == null ? "" : d.officeHours();
            return form;
        }

        DepartmentDetails details() {
            UUID parent = parentId.isBlank() ? null : UUID.fromString(parentId.strip());
            return new DepartmentDetails(name, shortName, nameEn, creditCode, regionCode, parent, address, phone,
                    officeHours);
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getShortName() { return shortName; }
        public void setShortName(String shortName) { this.shortName = shortName; }
        public String getNameEn() { return nameEn; }
        public void setNameEn(String nameEn) { this.nameEn = nameEn; }
        public String getCreditCode() { return creditCode; }
        public void setCreditCode(String creditCode) { this.creditCode = creditCode; }
        public String getRegionCode() { return regionCode; }
        public void setRegionCode(String regionCode) { this.regionCode = regionCode; }
        public String getParentId() { return parentId; }
        public void setParentId(String parentId) { this.parentId = parentId; }
        public String getAddress() { return address; }
        public void setAddress(String address) { this.address = address; }
        public String getPhone() { return phone; }
        public void setPhone(String phone) { this.phone = phone; }
        public String getOfficeHours() { return officeHours; }
        public void setOfficeHours(String officeHours) { this.officeHours = officeHours; }
    }

    /** The service centre form's fields. */
    public static class CentreForm {
        private String code = "";
        private String name = "";
        private String regionCode = "";
        private String address = "";
        private String phone = "";
        private String openingHours = "";

        static CentreForm of(ServiceCentre c) {
            CentreForm form = new CentreForm();
            form.code = c.code();
            form.name = c.name();
            form.regionCode = c.regionCode();
            form.address = c.address() == null ? "" : c.address();
            form.phone = c.phone() == null ? "" : c.phone();
            form.openingHours = c.openingHours() == null ? "" : c.openingHours();
            return form;
        }

        ServiceCentre centre() {
            return new ServiceCentre(code, name, regionCode, address, phone, openingHours);
        }

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getRegionCode() { return regionCode; }
        public void setRegionCode(String regionCode) { this.regionCode = regionCode; }
        public String getAddress() { return address; }
        public void setAddress(String address) { this.address = address; }
        public String getPhone() { return phone; }
        public void setPhone(String phone) { this.phone = phone; }
        public String getOpeningHours() { return openingHours; }
        public void setOpeningHours(String openingHours) { this.openingHours = openingHours; }
    }

    @GetMapping("/admin/departments")
    String list(Model model) {
        model.addAttribute("tree", departments.tree());
        model.addAttribute("departments", departments.allById());
        model.addAttribute("staffCounts", accounts.staffCountByDepartment());
        return "identity/departments";
    }

    @GetMapping("/admin/departments/new")
    String newDepartment(Model model) {
        model.addAttribute("form", new DepartmentForm());
        return departmentForm(null, model);
    }

    @PostMapping("/admin/departments/new")
    String create(@ModelAttribute("form") DepartmentForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        return saveOrShowAgain(() -> departments.create(details(form)), form.getName(), binding,
                () -> departmentForm(null, model), "redirect:/admin/departments", redirect);
    }

    @GetMapping("/admin/departments/{id}")
    String edit(@PathVariable UUID id, Model model) {
        Department department = departments.byId(id).orElseThrow(() -> new NotFound("没有这个部门"));
        model.addAttribute("form", DepartmentForm.of(department));
        return departmentForm(department, model);
    }

    @PostMapping("/admin/departments/{id}")
    String update(@PathVariable UUID id, @ModelAttribute("form") DepartmentForm form, BindingResult binding,
                  Model model, RedirectAttributes redirect) {
        Department department = departments.byId(id).orElseThrow(() -> new NotFound("没有这个部门"));
        // The credit code is not on the edit form: it stays what it is (DepartmentManagement refuses a change).
        form.setCreditCode(department.creditCode());
        return saveOrShowAgain(() -> departments.update(id, details(form)), form.getName(), binding,
                () -> departmentForm(department, model), "redirect:/admin/departments/" + id, redirect);
    }

    /**
     * Saves, then goes on with the saved name in a banner; refused input shows the form again, each message beside
     * its field, with what was typed.
     */
    private String saveOrShowAgain(Runnable save, String name, BindingResult binding,
                                   java.util.function.Supplier<String> formAgain, String next,
                                   RedirectAttributes redirect) {
        try {
            save.run();
        } catch (InvalidInputException e) {
            messages.bind(binding, e.violations());
            return formAgain.get();
        }
        redirect.addFlashAttribute("saved", name.strip());
        return next;
    }

    /** The form's details; a parent that is not even an ID is refused like an unknown one. */
    private static DepartmentDetails details(DepartmentForm form) {
        try {
            return form.details();
        } catch (IllegalArgumentException notAnId) {
            throw new InvalidInputException(Violation.of("parentId", "department.unknown", "没有这个上级部门"));
        }
    }

    private String departmentForm(@Nullable Department editing, Model model) {
        model.addAttribute("editing", editing);
        model.addAttribute("parentOptions", DepartmentOptions.indented(departments.tree(), d -> d.id().toString(),
                d -> editing == null || !d.id().equals(editing.id())));
        model.addAttribute("history", editing == null ? List.of() : departments.history(editing.id()));
        return "identity/department-form";
    }

    @GetMapping("/admin/centres")
    String centres(Model model) {
        model.addAttribute("centres", departments.serviceCentres());
        return "identity/centres";
    }

    @GetMapping("/admin/centres/new")
    String newCentre(Model model) {
        model.addAttribute("form", new CentreForm());
        return centreForm(null, model);
    }

    @PostMapping("/admin/centres/new")
    String createCentre(@ModelAttribute("form") CentreForm form, BindingResult binding, Model model,
                        RedirectAttributes redirect) {
        return saveOrShowAgain(() -> departments.createCentre(form.centre()), form.getName(), binding,
                () -> centreForm(null, model), "redirect:/admin/centres", redirect);
    }

    @GetMapping("/admin/centres/{code}")
    String editCentre(@PathVariable String code, Model model) {
        ServiceCentre centre = departments.serviceCentre(code).orElseThrow(() -> new NotFound("没有这个服务中心"));
        model.addAttribute("form", CentreForm.of(centre));
        return centreForm(centre, model);
    }

    @PostMapping("/admin/centres/{code}")
    String updateCentre(@PathVariable String code, @ModelAttribute("form") CentreForm form, BindingResult binding,
                        Model model, RedirectAttributes redirect) {
        ServiceCentre centre = departments.serviceCentre(code).orElseThrow(() -> new NotFound("没有这个服务中心"));
        form.setCode(centre.code());
        return saveOrShowAgain(() -> departments.updateCentre(form.centre()), form.getName(), binding,
                () -> centreForm(centre, model), "redirect:/admin/centres/" + centre.code(), redirect);
    }

    private String centreForm(@Nullable ServiceCentre editing, Model model) {
        model.addAttribute("editing", editing);
        model.addAttribute("history", editing == null ? List.of() : departments.centreHistory(editing.code()));
        return "identity/centre-form";
    }

    @Component
    static class Menu implements StaffMenuContributor {
        @Override
        public List<StaffMenuEntry> staffMenuEntries() {
            return List.of(
                    new StaffMenuEntry("admin.menu.section", "admin.menu.departments", "/admin/departments",
                            "PLATFORM_ADMIN", 880),
                    new StaffMenuEntry("admin.menu.section", "admin.menu.centres", "/admin/centres",
                            "PLATFORM_ADMIN", 885));
        }
    }
}
