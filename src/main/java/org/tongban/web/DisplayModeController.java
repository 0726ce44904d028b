package org.tongban.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.net.URI;

/**
 * Switches the large-text theme with an ordinary link (no JavaScript, no account), then returns to the page the
 * user was on. A GET is deliberate: the switch changes only how this browser shows pages, so a forged link can do
 * no harm, and a link works everywhere a button might not.
 */
@Controller
class DisplayModeController {

    @GetMapping("/mode/large")
    ResponseEntity<Void> largeText(@RequestParam(defaultValue = "true") boolean on,
                                   @RequestParam(name = "return", required = false) @Nullable String returnPath,
                                   HttpServletRequest request) {
        String target = request.getContextPath() + ReturnPathPolicy.toSafeLocalPath(returnPath);
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.SET_COOKIE, LargeTextMode.cookie(on, request).toString())
                .location(URI.create(target))
                .build();
    }
}
