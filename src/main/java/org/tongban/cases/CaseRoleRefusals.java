package org.tongban.cases;

import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.authorization.ExpressionAuthorizationDecision;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.tongban.identity.AccountPrincipal;

import java.util.Arrays;
import java.util.UUID;

/**
 * Logs the attempts the method security refuses for want of a role, such as a citizen applying at the counter or
 * accepting a case, in {@code cases_refused_access} beside the refusals {@link CaseAccess} decides on a case itself:
 * the action is the use case, the case number the one it named, if any.
 */
@org.springframework.stereotype.Component
class CaseRoleRefusals {

    private final CaseAccess access;

    CaseRoleRefusals(CaseAccess access) {
        this.access = access;
    }

    @EventListener
    void refused(AuthorizationDeniedEvent<?> event) {
        if (!(event.getObject() instanceof MethodInvocation call)
                || !call.getMethod().getDeclaringClass().getPackageName().equals(CaseRoleRefusals.class.getPackageName())) {
            return;
        }
        CaseNumber number = Arrays.stream(call.getArguments()).filter(CaseNumber.class::isInstance)
                .map(CaseNumber.class::cast).findFirst().orElse(null);
        String rule = event.getAuthorizationResult() instanceof ExpressionAuthorizationDecision d
                ? d.getExpression().getExpressionString() : "the method's rule";
        access.record(account(event.getAuthentication().get()), number, action(call.getMethod().getName()),
                "refused by " + rule);
    }

    private static @Nullable UUID account(@Nullable Authentication who) {
        return who != null && who.getPrincipal() instanceof AccountPrincipal p ? p.accountId() : null;
    }

    /** {@code submitAtCounter} → {@code submit-at-counter}, as {@link CaseAccess} names its actions. */
    static String action(String method) {
        String kebab = method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        return kebab.length() > 48 ? kebab.substring(0, 48) : kebab;
    }
}
