package org.tongban.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff workbench (工作台): where staff land after sign-in; their tasks, by role, from the staff menu. */
@Controller
class StaffHomeController {

    @GetMapping("/staff")
    String home() {
        return "identity/staff-home";
    }
}
