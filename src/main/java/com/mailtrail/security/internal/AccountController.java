package com.mailtrail.security.internal;

import java.util.UUID;

import com.mailtrail.security.CurrentUser;
import com.mailtrail.security.UserAdministration;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Go to my account": profile and personal API tokens. */
@Controller
class AccountController {

	private final UserAdministration administration;

	private final ApiTokens tokens;

	AccountController(UserAdministration administration, ApiTokens tokens) {
		this.administration = administration;
		this.tokens = tokens;
	}

	@GetMapping("/account")
	String account(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("user", this.administration.get(me.userId()));
		return "security/account";
	}

	@PostMapping("/account")
	String updateProfile(@AuthenticationPrincipal CurrentUser me, @RequestParam String displayName,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String jobTitle,
			RedirectAttributes redirect) {
		if (displayName.isBlank() || displayName.length() > 200) {
			redirect.addFlashAttribute("error", "Enter a name of at most 200 characters.");
			return "redirect:/account";
		}
		this.administration.changeProfile(me.userId(), displayName, phone, jobTitle);
		redirect.addFlashAttribute("message", "Profile saved.");
		return "redirect:/account";
	}

	@GetMapping("/account/tokens")
	String tokens(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("tokens", this.tokens.listFor(me.userId()));
		return "security/tokens";
	}

	@PostMapping("/account/tokens")
	String createToken(@AuthenticationPrincipal CurrentUser me, @RequestParam String name,
			RedirectAttributes redirect) {
		String label = name.isBlank() ? "API token" : name.trim();
		if (label.length() > 100) {
			redirect.addFlashAttribute("error", "Keep the token name under 100 characters.");
			return "redirect:/account/tokens";
		}
		redirect.addFlashAttribute("newToken", this.tokens.create(me.userId(), label));
		redirect.addFlashAttribute("message", "Token created. Copy it now: it will not be shown again.");
		return "redirect:/account/tokens";
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revokeToken(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		if (this.tokens.revoke(me.userId(), id)) {
			redirect.addFlashAttribute("message", "Token revoked: it no longer works.");
		}
		return "redirect:/account/tokens";
	}

}
