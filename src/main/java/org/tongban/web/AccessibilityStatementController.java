package org.tongban.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The accessibility statement (无障碍声明) every footer links to, in Chinese and English. */
@Controller
class AccessibilityStatementController {

    @GetMapping("/accessibility")
    String statement() {
        return "design/accessibility";
    }
}
