package com.mailtrail.mail.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.mailtrail.mail.LinkableRecords;
import com.mailtrail.mail.RecordType;
import com.mailtrail.mail.outbound.NoSmtpAccountException;
import com.mailtrail.mail.outbound.OutboundSettings;
import com.mailtrail.mail.outbound.OutgoingDraft;
import com.mailtrail.mail.outbound.OutgoingDraft.NewAttachment;
import com.mailtrail.mail.outbound.OutgoingDraft.Recipient;
import com.mailtrail.mail.outbound.OutgoingMail;
import com.mailtrail.mail.outbound.SmtpAccounts;
import com.mailtrail.security.CurrentUser;

import org.springframework.http.MediaType;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Compose, reply, reply all and forward, and the sender's retry and cancel. Sending is two steps apart: the form
 * stores the email and queues it, and the outbox sender delivers it a moment later; the email view shows how it went.
 */
@Controller
@RequestMapping("/emails")
class ComposeController {

	static final String VIEW = "mail/compose";

	private final ComposePrefill prefill;

	private final OutgoingMail outgoing;

	private final SmtpAccounts accounts;

	private final LinkableRecords records;

	private final OutboundSettings settings;

	ComposeController(ComposePrefill prefill, OutgoingMail outgoing, SmtpAccounts accounts, LinkableRecords records,
			OutboundSettings settings) {
		this.prefill = prefill;
		this.outgoing = outgoing;
		this.accounts = accounts;
		this.records = records;
		this.settings = settings;
	}

	@GetMapping("/compose")
	String compose(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) RecordType recordType,
			@RequestParam(required = false) UUID recordId, @RequestParam(required = false) String to, Model model) {
		return show(me, this.prefill.fresh(recordType, recordId, to, me.userId()), model);
	}

	@GetMapping("/{id}/reply")
	String reply(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, Model model) {
		return show(me, this.prefill.reply(id, false, me.userId()), model);
	}

	@GetMapping("/{id}/reply-all")
	String replyAll(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, Model model) {
		return show(me, this.prefill.reply(id, true, me.userId()), model);
	}

	@GetMapping("/{id}/forward")
	String forward(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, Model model) {
		return show(me, this.prefill.forward(id, me.userId()), model);
	}

	@PostMapping("/compose")
	String send(@AuthenticationPrincipal CurrentUser me, @ModelAttribute("form") ComposeForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		List<Recipient> to = ComposeChecks.recipients("to", "To", form.getTo(), result);
		List<Recipient> cc = ComposeChecks.recipients("cc", "Cc", form.getCc(), result);
		List<Recipient> bcc = ComposeChecks.recipients("bcc", "Bcc", form.getBcc(), result);
		if (to.isEmpty() && cc.isEmpty() && bcc.isEmpty() && !result.hasFieldErrors("to")
				&& !result.hasFieldErrors("cc") && !result.hasFieldErrors("bcc")) {
			result.rejectValue("to", "required", "Add at least one recipient.");
		}
		ComposeChecks.subject(form.getSubject(), result);
		List<NewAttachment> attachments = ComposeChecks.attachments(form.getAttachments(),
				this.settings.maxAttachmentSize(), result);
		if (this.accounts.of(me.userId()).isEmpty()) {
			result.reject("noAccount", "You have no outgoing email account yet, so nothing can be sent.");
		}
		if (result.hasErrors()) {
			if (!attachments.isEmpty() || form.getAttachments().stream().anyMatch(f -> f != null && !f.isEmpty())) {
				model.addAttribute("attachAgain", true);
			}
			return show(me, form, model);
		}
		UUID emailId;
		try {
			emailId = this.outgoing.submit(new OutgoingDraft(me.userId(), to, cc, bcc, form.getSubject().strip(),
					form.getBody(), form.isTracked(), attachments, form.getReplyTo(), form.getForwardOf(),
					form.getRecordType(), form.getRecordId()));
		}
		catch (NoSmtpAccountException ex) {
			result.reject("noAccount", ex.getMessage());
			return show(me, form, model);
		}
		catch (IllegalArgumentException hidden) {
			throw new EmailNotFoundException("email");
		}
		redirect.addFlashAttribute("message", "Your email is queued and will be sent in a moment.");
		return "redirect:/emails/" + emailId.toString().toLowerCase(Locale.ROOT);
	}

	@PostMapping("/{id}/delivery/retry")
	String retry(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		if (this.outgoing.retry(id, me.userId())) {
			redirect.addFlashAttribute("message", "Queued again; it will be sent in a moment.");
		}
		else {
			redirect.addFlashAttribute("error", "Only a failed or cancelled email of yours can be sent again.");
		}
		return "redirect:/emails/" + id.toString().toLowerCase(Locale.ROOT);
	}

	@PostMapping("/{id}/delivery/cancel")
	String cancel(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		if (this.outgoing.cancel(id, me.userId())) {
			redirect.addFlashAttribute("message", "Cancelled: the email will not be sent.");
		}
		else {
			redirect.addFlashAttribute("error",
					"The email could not be cancelled: it is being sent right now or has been sent already.");
		}
		return "redirect:/emails/" + id.toString().toLowerCase(Locale.ROOT);
	}

	/** Contacts the user may see, for the address fields' autocomplete. */
	@GetMapping(path = "/recipients", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	List<Map<String, String>> recipients(@AuthenticationPrincipal CurrentUser me,
			@RequestParam(defaultValue = "") String q) {
		if (q.isBlank()) {
			return List.of();
		}
		return this.records.recipientSuggestions(q.strip(), me.userId(), 10)
			.stream()
			.map(r -> Map.of("name", r.name() == null ? "" : r.name(), "address", r.address(), "label", r.display()))
			.toList();
	}

	private String show(CurrentUser me, ComposeForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("account", this.accounts.of(me.userId()).orElse(null));
		model.addAttribute("maxAttachments", ComposeChecks.human(this.settings.maxAttachmentSize().toBytes()));
		if (form.getRecordType() != null && form.getRecordId() != null) {
			String name = this.records.names(form.getRecordType(), Set.of(form.getRecordId()), me.userId())
				.get(form.getRecordId());
			if (name == null) {
				form.setRecordType(null);
				form.setRecordId(null);
			}
			model.addAttribute("recordName", name);
		}
		if (form.getReplyTo() != null) {
			model.addAttribute("answering", this.prefill.subjectOf(form.getReplyTo(), me.userId()));
		}
		if (form.getForwardOf() != null) {
			model.addAttribute("forwarding", this.prefill.subjectOf(form.getForwardOf(), me.userId()));
			model.addAttribute("forwardedAttachments", this.prefill.forwardedAttachments(form.getForwardOf(), me.userId()));
		}
		return VIEW;
	}

}
