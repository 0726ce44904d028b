package org.tongban.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the POST and logout, SignInThrottle the refusals after wrong passwords. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "identity/login";
    }
}
