package com.mailtrail.mail.settings;

import com.mailtrail.mail.LinkMode;
import com.mailtrail.mail.MailPreference;
import com.mailtrail.mail.MailPreferences;
import com.mailtrail.mail.SmartBccAddresses;
import com.mailtrail.mail.outbound.SmtpAccounts;
import com.mailtrail.mail.outbound.SmtpSecurity;
import com.mailtrail.security.CurrentUser;
import com.mailtrail.sharing.SharingLevel;
import com.mailtrail.sharing.SharingModule;
import com.mailtrail.sharing.SharingPolicies;
import java.util.Map;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
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

	private final SmtpAccounts accounts;

	private final SharingPolicies sharing;

	EmailSettingsController(SmartBccAddresses addresses, MailPreferences preferences, SmtpAccounts accounts,
			SharingPolicies sharing) {
		this.addresses = addresses;
		this.preferences = preferences;
		this.accounts = accounts;
		this.sharing = sharing;
	}

	@GetMapping
	String smtpAndBcc(@AuthenticationPrincipal CurrentUser me, Model model) {
		var account = this.accounts.of(me.userId());
		return smtpAndBccView(me, model,
				account.map(SmtpAccountForm::of).orElseGet(() -> defaultForm(me)), account.isPresent());
	}

	@PostMapping("/account")
	String saveAccount(@AuthenticationPrincipal CurrentUser me, @Valid @ModelAttribute("accountForm") SmtpAccountForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return smtpAndBccView(me, model, form, this.accounts.of(me.userId()).isPresent());
		}
		this.accounts.save(me.userId(), form.toSettings());
		redirect.addFlashAttribute("message", "Outgoing email account saved. Use Test connection to check it.");
		return "redirect:/settings/email";
	}

	/** Tests what is in the form without saving it, and shows the form again with the result. */
	@PostMapping("/account/test")
	String testAccount(@AuthenticationPrincipal CurrentUser me,
			@Valid @ModelAttribute("accountForm") SmtpAccountForm form, BindingResult result, Model model) {
		if (!result.hasErrors()) {
			model.addAttribute("testResult", this.accounts.test(me.userId(), form.toSettings()));
		}
		return smtpAndBccView(me, model, form, this.accounts.of(me.userId()).isPresent());
	}

	@PostMapping("/account/delete")
	String deleteAccount(@AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
		this.accounts.remove(me.userId());
		redirect.addFlashAttribute("message", "Outgoing email account removed.");
		return "redirect:/settings/email";
	}

	private String smtpAndBccView(CurrentUser me, Model model, SmtpAccountForm form, boolean saved) {
		model.addAttribute("tab", "bcc");
		model.addAttribute("bccAddress", this.addresses.addressOf(me.userId()));
		model.addAttribute("preference", this.preferences.of(me.userId()));
		model.addAttribute("accountForm", form);
		model.addAttribute("accountSaved", saved);
		model.addAttribute("passwordSaved",
				this.accounts.of(me.userId()).map(com.mailtrail.mail.outbound.SmtpAccount::hasPassword).orElse(false));
		model.addAttribute("securities", SmtpSecurity.values());
		return VIEW;
	}

	private static SmtpAccountForm defaultForm(CurrentUser me) {
		SmtpAccountForm form = new SmtpAccountForm();
		form.setSenderName(me.displayName());
		form.setSenderAddress(me.email());
		form.setUsername(me.email());
		return form;
	}

	@GetMapping("/preferences")
	String preferences(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("tab", "preferences");
		model.addAttribute("preference", this.preferences.of(me.userId()));
		model.addAttribute("linkModes", LinkMode.values());
		model.addAttribute("sharing", this.sharing.of(me.userId()));
		model.addAttribute("sharingLevels", SharingLevel.values());
		return VIEW;
	}

	@PostMapping("/sharing")
	String saveSharing(@AuthenticationPrincipal CurrentUser me, @RequestParam Map<String, String> form,
			RedirectAttributes redirect) {
		for (SharingModule module : SharingModule.values()) {
			SharingLevel.parse(form.get(module.name()))
				.ifPresent(level -> this.sharing.change(me.userId(), me.userId(), module, level));
		}
		redirect.addFlashAttribute("message", "Email sharing saved.");
		return "redirect:/settings/email/preferences";
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
			@RequestParam(defaultValue = "false") boolean createUnknownContacts,
			@RequestParam(defaultValue = "false") boolean trackByDefault, RedirectAttributes redirect) {
		MailPreference current = this.preferences.of(me.userId());
		this.preferences.change(me.userId(), current.isStrictForwarding(), linkMode, createUnknownContacts);
		this.preferences.changeTrackByDefault(me.userId(), trackByDefault);
		redirect.addFlashAttribute("message", "Email preferences saved.");
		return "redirect:/settings/email/preferences";
	}

}
