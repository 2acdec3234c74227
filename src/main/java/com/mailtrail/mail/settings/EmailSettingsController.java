package com.mailtrail.mail.settings;

import com.mailtrail.mail.LinkMode;
import com.mailtrail.mail.MailPreference;
import com.mailtrail.mail.MailPreferences;
import com.mailtrail.mail.SmartBccAddresses;
import com.mailtrail.security.CurrentUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Email settings: the "SMTP & BCC" tab (Smart BCC address, strict forwarding) and the "Email Preference" tab. */
@Controller
@RequestMapping("/settings/email")
class EmailSettingsController {

	static final String VIEW = "mail/settings/emailSettings";

	private final SmartBccAddresses addresses;

	private final MailPreferences preferences;

	EmailSettingsController(SmartBccAddresses addresses, MailPreferences preferences) {
		this.addresses = addresses;
		this.preferences = preferences;
	}

	@GetMapping
	String smtpAndBcc(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("tab", "bcc");
		model.addAttribute("bccAddress", this.addresses.addressOf(me.userId()));
		model.addAttribute("preference", this.preferences.of(me.userId()));
		return VIEW;
	}

	@GetMapping("/preferences")
	String preferences(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("tab", "preferences");
		model.addAttribute("preference", this.preferences.of(me.userId()));
		model.addAttribute("linkModes", LinkMode.values());
		return VIEW;
	}

	@PostMapping("/bcc/regenerate")
	String regenerate(@AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
		String address = this.addresses.regenerate(me.userId());
		redirect.addFlashAttribute("message",
				"Your new Smart BCC address is " + address + ". The old one no longer accepts mail.");
		return "redirect:/settings/email";
	}

	@PostMapping("/bcc/strict-forwarding")
	String strictForwarding(@AuthenticationPrincipal CurrentUser me,
			@RequestParam(defaultValue = "false") boolean strict, RedirectAttributes redirect) {
		MailPreference current = this.preferences.of(me.userId());
		this.preferences.change(me.userId(), strict, current.getLinkMode(), current.isCreateUnknownContacts());
		redirect.addFlashAttribute("message", strict
				? "Strict forwarding is on: your Smart BCC address accepts mail only from your own addresses."
				: "Strict forwarding is off: your Smart BCC address accepts mail from any sender.");
		return "redirect:/settings/email";
	}

	@PostMapping("/preferences")
	String savePreferences(@AuthenticationPrincipal CurrentUser me, @RequestParam LinkMode linkMode,
			@RequestParam(defaultValue = "false") boolean createUnknownContacts, RedirectAttributes redirect) {
		MailPreference current = this.preferences.of(me.userId());
		this.preferences.change(me.userId(), current.isStrictForwarding(), linkMode, createUnknownContacts);
		redirect.addFlashAttribute("message", "Email preferences saved.");
		return "redirect:/settings/email/preferences";
	}

}
