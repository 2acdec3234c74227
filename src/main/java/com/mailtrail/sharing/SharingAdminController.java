package com.mailtrail.sharing;

import java.util.Map;
import java.util.UUID;

import com.mailtrail.security.CurrentUser;
import com.mailtrail.security.UserDirectory;
import com.mailtrail.security.UserSummary;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin page: everyone's email sharing policies, the default for new users, and the audit log. */
@Controller
@RequestMapping("/admin/email-sharing")
class SharingAdminController {

	private final SharingPolicies policies;

	private final UserDirectory users;

	SharingAdminController(SharingPolicies policies, UserDirectory users) {
		this.policies = policies;
		this.users = users;
	}

	@GetMapping
	String show(Model model) {
		var everyone = this.users.all();
		var byUser = this.policies.all();
		var names = new java.util.HashMap<UUID, String>();
		everyone.forEach(u -> names.put(u.id(), u.displayName()));
		model.addAttribute("users", everyone);
		model.addAttribute("policies", byUser);
		model.addAttribute("defaults", this.policies.companyDefaults());
		model.addAttribute("modules", SharingModule.values());
		model.addAttribute("levels", SharingLevel.values());
		model.addAttribute("audit", this.policies.auditLog());
		model.addAttribute("names", names);
		return "sharing/adminSharing";
	}

	@PostMapping("/users/{userId}")
	String changeUser(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID userId,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		UserSummary user = this.users.find(userId).orElseThrow(() -> new com.mailtrail.security.UserNotFoundException(userId));
		apply(form, (module, level) -> this.policies.change(me.userId(), user.id(), module, level));
		redirect.addFlashAttribute("message", "Email sharing of " + user.displayName() + " saved.");
		return "redirect:/admin/email-sharing";
	}

	@PostMapping("/defaults")
	String changeDefaults(@AuthenticationPrincipal CurrentUser me, @RequestParam Map<String, String> form,
			RedirectAttributes redirect) {
		apply(form, (module, level) -> this.policies.changeCompanyDefault(me.userId(), module, level));
		redirect.addFlashAttribute("message", "Default for new users saved. Existing users keep their policies.");
		return "redirect:/admin/email-sharing";
	}

	private static void apply(Map<String, String> form,
			java.util.function.BiConsumer<SharingModule, SharingLevel> change) {
		for (SharingModule module : SharingModule.values()) {
			SharingLevel.parse(form.get(module.name())).ifPresent(level -> change.accept(module, level));
		}
	}

}
