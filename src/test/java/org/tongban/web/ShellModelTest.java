package org.tongban.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import static org.assertj.core.api.Assertions.assertThat;

/** The shell's data goes to pages about to be rendered, and is not computed for API responses or redirects. */
class ShellModelTest {

    private final ShellModel shellModel = new ShellModel(
            new PortalProperties("海川市政务服务网", "Haichuan Government Services", "12345", "海川市人民政府办公室", "Office"),
            new StaticMessageSource(), new DefaultListableBeanFactory().getBeanProvider(StaffMenuContributor.class),
            org.springframework.util.unit.DataSize.ofMegabytes(100), org.springframework.util.unit.DataSize.ofMegabytes(110));

    private ModelAndView afterHandler(ModelAndView page) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/items/1");
        request.addPreferredLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        shellModel.postHandle(request, new MockHttpServletResponse(), new Object(), page);
        return page;
    }

    @Test
    void aPageGetsTheShellAndTheStaffMenu() {
        ModelAndView page = afterHandler(new ModelAndView("catalog/guide"));
        assertThat(page.getModel()).containsKeys("shell", "staffMenu");
        assertThat(((Shell) page.getModel().get("shell")).portalName()).isEqualTo("海川市政务服务网");
    }

    @Test
    void redirectsGetNothing() {
        assertThat(afterHandler(new ModelAndView("redirect:/login")).getModel()).isEmpty();
        assertThat(afterHandler(new ModelAndView(new RedirectView("/login"))).getModel()).isEmpty();
    }

    @Test
    void anApiResponseHasNoModelToFill() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/catalog/items");
        shellModel.postHandle(request, new MockHttpServletResponse(), new Object(), null);
        assertThat(request.getAttributeNames().hasMoreElements()).isFalse();
    }

    @Test
    void aShellThePageSetItselfIsKept() {
        Shell own = shellModel.shell(new MockHttpServletRequest("GET", "/design/staff"), java.util.Locale.SIMPLIFIED_CHINESE)
                .withUser(new Shell.SignedInUser("示例窗口人员", java.util.List.of("窗口受理")));
        ModelAndView page = new ModelAndView("design/staff");
        page.addObject("shell", own);
        assertThat(afterHandler(page).getModel().get("shell")).isSameAs(own);
    }
}
