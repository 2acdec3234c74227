package com.mailtrail.templates;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The header menu's short address for the templates page. */
@Controller
class TemplatePageRedirects {

	@GetMapping("/templates")
	String templates() {
		return "redirect:" + TemplateController.BASE;
	}

}
