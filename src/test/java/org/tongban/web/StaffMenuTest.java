package org.tongban.web;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaffMenuTest {

    private final List<StaffMenuEntry> contributed = List.of(
            new StaffMenuEntry("menu.cases", "menu.done", "/staff/cases/done", "CLERK", 40),
            new StaffMenuEntry("menu.cases", "menu.inbox", "/staff/cases/inbox", "CLERK", 10),
            new StaffMenuEntry("menu.cases", "menu.inbox", "/staff/cases/inbox", "REVIEWER", 10),
            new StaffMenuEntry("menu.cases", "menu.all", "/staff/cases", "SUPERVISOR", 5),
            new StaffMenuEntry("menu.catalog", "menu.items", "/staff/catalog", "ADMIN", 50),
            new StaffMenuEntry("menu.account", "menu.profile", "/staff/profile", "CLERK", 90));

    @Test
    void listsOnlyTheEntriesOfTheUsersRolesGroupedBySectionInOrder() {
        List<StaffMenu.Section> menu = StaffMenu.build(contributed, Set.of("CLERK"), "/staff");
        assertThat(menu).extracting(StaffMenu.Section::label).containsExactly("menu.cases", "menu.account");
        assertThat(menu.getFirst().items()).extracting(StaffMenu.Item::label).containsExactly("menu.inbox", "menu.done");
    }

    @Test
    void showsAnEntryOnceWhenTheUserHasSeveralRolesThatSeeIt() {
        List<StaffMenu.Section> menu = StaffMenu.build(contributed, Set.of("CLERK", "REVIEWER"), "/staff");
        assertThat(menu.getFirst().items()).extracting(StaffMenu.Item::href)
                .containsExactly("/staff/cases/inbox", "/staff/cases/done");
    }

    @Test
    void marksTheMostSpecificEntryForTheCurrentPage() {
        List<StaffMenu.Section> menu = StaffMenu.build(contributed, Set.of("CLERK", "SUPERVISOR"),
                "/staff/cases/inbox/HC2026093000017");
        assertThat(menu.getFirst().items()).filteredOn(StaffMenu.Item::active)
                .extracting(StaffMenu.Item::href).containsExactly("/staff/cases/inbox");
    }

    @Test
    void marksNothingOnAPageOutsideTheMenu() {
        assertThat(StaffMenu.build(contributed, Set.of("CLERK"), "/staff/casesold").stream()
                .flatMap(section -> section.items().stream())).noneMatch(StaffMenu.Item::active);
    }

    @Test
    void givesNobodyWithoutARoleAMenu() {
        assertThat(StaffMenu.build(contributed, Set.of(), "/staff")).isEmpty();
    }

    @Test
    void entriesLinkInsideTheApplicationAndNameRolesWithoutPrefix() {
        assertThatThrownBy(() -> new StaffMenuEntry("s", "l", "https://example.org", "CLERK", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StaffMenuEntry("s", "l", "//example.org", "CLERK", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StaffMenuEntry("s", "l", "/staff", "ROLE_CLERK", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
