package com.mailtrail.security.internal;

import java.util.UUID;

import com.mailtrail.security.CurrentUser;
import com.mailtrail.security.EmailAlreadyInUseException;
import com.mailtrail.security.Role;
import com.mailtrail.security.UserAdministration;
import com.mailtrail.security.UserChangeRefusedException;
import com.mailtrail.security.UserDirectory;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages: users, their roles, deactivation and secondary addresses. */
@Controller
@RequestMapping("/admin/users")
class AdminUserController {

	private final UserAdministration administration;

	private final UserDirectory directory;

	AdminUserController(UserAdministration administration, UserDirectory directory) {
		this.administration = administration;
		this.directory = directory;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("users", this.directory.all());
		return "security/adminUsers";
	}

	@GetMapping("/new")
	String newUser(@ModelAttribute("form") NewUserForm form, Model model) {
		model.addAttribute("roles", Role.values());
		return "security/adminUserForm";
	}

	@PostMapping("/new")
	String create(@Valid @ModelAttribute("form") NewUserForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				var user = this.administration.createUser(form.getName(), form.getEmail(), form.getPassword(),
						form.getRole());
				redirect.addFlashAttribute("message", user.displayName() + " can now sign in as " + user.email() + ".");
				return "redirect:/admin/users/" + user.id();
			}
			catch (EmailAlreadyInUseException ex) {
				result.rejectValue("email", "taken", "Another user already signs in with this address.");
			}
		}
		model.addAttribute("roles", Role.values());
		return "security/adminUserForm";
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		model.addAttribute("user", this.administration.get(id));
		model.addAttribute("roles", Role.values());
		return "security/adminUser";
	}

	@PostMapping("/{id}/role")
	String changeRole(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam Role role,
			RedirectAttributes redirect) {
		return refusable(redirect, id, () -> {
			this.administration.changeRole(me.userId(), id, role);
			return "Role changed to " + role.name().toLowerCase() + ".";
		});
	}

	@PostMapping("/{id}/deactivate")
	String deactivate(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		return refusable(redirect, id, () -> {
			this.administration.deactivate(me.userId(), id);
			return "User deactivated: they can no longer sign in or use their API tokens.";
		});
	}

	@PostMapping("/{id}/activate")
	String activate(@PathVariable UUID id, RedirectAttributes redirect) {
		this.administration.activate(id);
		redirect.addFlashAttribute("message", "User activated.");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/secondary-emails")
	String addSecondaryEmail(@PathVariable UUID id, @RequestParam String email, RedirectAttributes redirect) {
		if (!email.matches("^[^@\\s]+@[^@\\s]+$")) {
			redirect.addFlashAttribute("error", "\"" + email + "\" is not a valid email address.");
			return "redirect:/admin/users/" + id;
		}
		try {
			this.administration.addSecondaryEmail(id, email);
			redirect.addFlashAttribute("message", "Added " + email.trim().toLowerCase() + ".");
		}
		catch (EmailAlreadyInUseException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/secondary-emails/{emailId}/delete")
	String removeSecondaryEmail(@PathVariable UUID id, @PathVariable UUID emailId, RedirectAttributes redirect) {
		this.administration.removeSecondaryEmail(id, emailId);
		redirect.addFlashAttribute("message", "Secondary address removed.");
		return "redirect:/admin/users/" + id;
	}

	private String refusable(RedirectAttributes redirect, UUID id, java.util.function.Supplier<String> change) {
		try {
			redirect.addFlashAttribute("message", change.get());
		}
		catch (UserChangeRefusedException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/users/" + id;
	}

}
