package com.mailtrail.crm;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin page: may everyone see a module's records, or only their owners and followers? */
@Controller
@RequestMapping("/admin/record-visibility")
class RecordVisibilityController {

	private final RecordVisibility visibility;

	RecordVisibilityController(RecordVisibility visibility) {
		this.visibility = visibility;
	}

	@GetMapping
	String show(Model model) {
		model.addAttribute("scopes", this.visibility.all());
		model.addAttribute("options", VisibilityScope.values());
		return "crm/recordVisibility";
	}

	@PostMapping
	String change(@RequestParam CrmModule module, @RequestParam VisibilityScope scope, RedirectAttributes redirect) {
		this.visibility.change(module, scope);
		redirect.addFlashAttribute("message", "Visibility of " + module.name().toLowerCase() + " saved.");
		return "redirect:/admin/record-visibility";
	}

}
