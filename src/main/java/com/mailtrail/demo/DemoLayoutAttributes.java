package com.mailtrail.demo;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** In demo mode the menu links the mail catcher. */
@ControllerAdvice
class DemoLayoutAttributes {

	private final MailCatcher catcher;

	DemoLayoutAttributes(MailCatcher catcher) {
		this.catcher = catcher;
	}

	@ModelAttribute("mailCatcher")
	boolean mailCatcher() {
		return this.catcher.running();
	}

}
