package com.mailtrail.signatures;

import com.mailtrail.security.CurrentUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Email settings → Signature, and the admin page for the company disclaimer. */
@Controller
class SignatureController {

	private final Signatures signatures;

	SignatureController(Signatures signatures) {
		this.signatures = signatures;
	}

	@GetMapping("/settings/email/signature")
	String signature(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("signature", this.signatures.signatureOf(me.userId()));
		model.addAttribute("disclaimer", this.signatures.disclaimer());
		return "signatures/signature";
	}

	@PostMapping("/settings/email/signature")
	String saveSignature(@AuthenticationPrincipal CurrentUser me, @RequestParam(defaultValue = "") String html,
			RedirectAttributes redirect) {
		try {
			this.signatures.saveSignature(me.userId(), html);
			redirect.addFlashAttribute("message", "Signature saved. It is added to every email you send from Mailtrail.");
		}
		catch (SignatureTooLongException ex) {
			redirect.addFlashAttribute("error", "Your signature is too long. " + ex.getMessage());
		}
		return "redirect:/settings/email/signature";
	}

	@GetMapping("/admin/disclaimer")
	String disclaimer(Model model) {
		model.addAttribute("disclaimer", this.signatures.disclaimer());
		return "signatures/disclaimer";
	}

	@PostMapping("/admin/disclaimer")
	String saveDisclaimer(@AuthenticationPrincipal CurrentUser me, @RequestParam(defaultValue = "") String html,
			RedirectAttributes redirect) {
		try {
			String saved = this.signatures.saveDisclaimer(html, me.userId());
			redirect.addFlashAttribute("message", saved.isEmpty() ? "Company disclaimer removed."
					: "Company disclaimer saved. It is added below the signature of every email sent from Mailtrail.");
		}
		catch (SignatureTooLongException ex) {
			redirect.addFlashAttribute("error", "The disclaimer is too long. " + ex.getMessage());
		}
		return "redirect:/admin/disclaimer";
	}

}
