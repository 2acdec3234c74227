package com.mailtrail.security.internal;

import com.mailtrail.security.EmailAlreadyInUseException;
import com.mailtrail.security.UserAdministration;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class SignupController {

	static final String VIEW = "security/signup";

	private final UserAdministration administration;

	SignupController(UserAdministration administration) {
		this.administration = administration;
	}

	@GetMapping("/signup")
	String form(@ModelAttribute("form") SignupForm form) {
		return VIEW;
	}

	@PostMapping("/signup")
	String signUp(@Valid @ModelAttribute("form") SignupForm form, BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return VIEW;
		}
		try {
			this.administration.signUp(form.getCompanyName(), form.getName(), form.getEmail(), form.getPassword());
		}
		catch (EmailAlreadyInUseException ex) {
			result.rejectValue("email", "taken", "An account with this email address already exists. Sign in instead.");
			return VIEW;
		}
		redirect.addFlashAttribute("message", "Your company account is ready. Sign in with " + form.getEmail().trim() + ".");
		return "redirect:/login";
	}

}
