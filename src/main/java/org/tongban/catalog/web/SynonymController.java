package org.tongban.catalog.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.catalog.CatalogSearch;
import org.tongban.shared.InvalidInputException;
import org.tongban.web.ViolationMessages;

/** Search synonyms (同义词): the words people type mapped to the words of the catalogue. */
@Controller
@RequestMapping("/admin/catalogue/synonyms")
class SynonymController {

    private final CatalogSearch search;
    private final ViolationMessages messages;

    SynonymController(CatalogSearch search, ViolationMessages messages) {
        this.search = search;
        this.messages = messages;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("shipped", search.shippedSynonyms());
        model.addAttribute("added", search.addedSynonyms());
        model.addAttribute("rule", "");
        return "catalog/admin/synonyms";
    }

    @PostMapping
    String add(@RequestParam(defaultValue = "") String rule, Model model) {
        try {
            search.addSynonym(rule);
            return "redirect:/admin/catalogue/synonyms";
        } catch (InvalidInputException e) {
            model.addAttribute("shipped", search.shippedSynonyms());
            model.addAttribute("added", search.addedSynonyms());
            model.addAttribute("rule", rule);
            model.addAttribute("error", messages.byField(e.violations()).get("rule"));
            return "catalog/admin/synonyms";
        }
    }

    @PostMapping("/{id}/removal")
    String remove(@PathVariable long id) {
        search.removeSynonym(id);
        return "redirect:/admin/catalogue/synonyms";
    }
}
