package com.mailtrail.mail.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.mailtrail.mail.AutoSubmission;
import com.mailtrail.mail.LinkableRecords;
import com.mailtrail.mail.RecordType;
import com.mailtrail.mail.SmartBccAddresses;
import com.mailtrail.mail.web.EmailViews.EmailDetails;
import com.mailtrail.mail.EmailAudience;
import com.mailtrail.mail.EmailShares;
import com.mailtrail.mail.outbound.OutgoingMail;
import com.mailtrail.security.CurrentUser;
import com.mailtrail.security.UserDirectory;
import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

@Controller
@RequestMapping("/emails")
class EmailController {

	static final String VIEW_LIST = "mail/emailList";

	static final String VIEW_DETAILS = "mail/emailDetails";

	static final int PAGE_SIZE = 25;

	/** For the message frame: its own styles only, images from us (inline parts) unless remote ones are asked for. */
	static final String BODY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
			+ "frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

	static final String BODY_POLICY_REMOTE_IMAGES = BODY_POLICY.replace("img-src 'self' data:",
			"img-src 'self' data: https: http:");

	/** Newest first; an email without a date sorts after the dated ones. */
	static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("sentAt").nullsLast(), Sort.Order.desc("createdAt"));

	private final EmailReader reader;

	private final EmailLinking linking;

	private final SmartBccAddresses addresses;

	private final EmailShares shares;

	private final UserDirectory users;

	private final EmailAudience audience;

	private final OutgoingMail outgoing;

	EmailController(EmailReader reader, EmailLinking linking, SmartBccAddresses addresses, EmailShares shares,
			UserDirectory users, EmailAudience audience, OutgoingMail outgoing) {
		this.audience = audience;
		this.outgoing = outgoing;
		this.reader = reader;
		this.linking = linking;
		this.addresses = addresses;
		this.shares = shares;
		this.users = users;
	}

	/** linked: all, linked or unlinked; scope: all visible, mine, or shared with me. */
	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser me, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "all") String linked, @RequestParam(defaultValue = "all") String scope,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Boolean linkedFilter = switch (linked) {
			case "linked" -> Boolean.TRUE;
			case "unlinked" -> Boolean.FALSE;
			default -> null;
		};
		String whose = switch (scope) {
			case "mine", "shared" -> scope;
			default -> "all";
		};
		Page<EmailViews.EmailRow> result = this.reader.search(q, linkedFilter, whose, me.userId(),
				PageRequest.of(EmailPage.pageIndex(page), PAGE_SIZE, NEWEST_FIRST));
		model.addAttribute("page", EmailPage.of(result, q));
		model.addAttribute("linked", linkedFilter == null ? "all" : linked);
		model.addAttribute("scope", whose);
		boolean filtered = !q.isBlank() || linkedFilter != null || !"all".equals(whose);
		model.addAttribute("filtered", filtered);
		model.addAttribute("failedSends", this.outgoing.failedOf(me.userId()));
		if (result.getTotalElements() == 0 && !filtered) {
			model.addAttribute("bccAddress", this.addresses.addressOf(me.userId()));
		}
		return VIEW_LIST;
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, Model model) {
		EmailDetails email = this.reader.details(id, me.userId());
		var links = this.linking.links(id, me.userId());
		model.addAttribute("email", email);
		model.addAttribute("canChangeLinks", email.ownerId().equals(me.userId()));
		model.addAttribute("flags", flags(email));
		model.addAttribute("delivery", this.outgoing.delivery(id).orElse(null));
		model.addAttribute("links", links);
		model.addAttribute("choices", choices(this.linking.options(me.userId())));
		model.addAttribute("candidates", links.stream().anyMatch(l -> l.recordType() == RecordType.DEAL)
				? List.of() : this.linking.dealCandidates(id, me.userId()));
		if (email.ownerId().equals(me.userId()) || me.isAdmin()) {
			model.addAttribute("audience", this.audience.of(id, email.ownerId()));
		}
		var sharedWith = this.shares.of(id);
		model.addAttribute("shares", sharedWith);
		if (email.ownerId().equals(me.userId())) {
			var already = sharedWith.stream().map(EmailShares.Share::userId).collect(java.util.stream.Collectors.toSet());
			model.addAttribute("colleagues", this.users.active()
				.stream()
				.filter(u -> !u.id().equals(me.userId()) && !already.contains(u.id()))
				.toList());
		}
		return VIEW_DETAILS;
	}

	@PostMapping("/{id}/shares")
	String share(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@RequestParam(name = "userIds", required = false) List<UUID> userIds, RedirectAttributes redirect) {
		if (userIds == null || userIds.isEmpty()) {
			redirect.addFlashAttribute("error", "Choose at least one colleague to share the email with.");
		}
		else {
			int added = this.shares.share(id, userIds, me.userId());
			redirect.addFlashAttribute("message", added == 1 ? "Shared with 1 colleague."
					: "Shared with " + added + " colleagues.");
		}
		return "redirect:/emails/" + id;
	}

	@PostMapping("/{id}/shares/remove")
	String unshare(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam UUID userId,
			RedirectAttributes redirect) {
		this.shares.unshare(id, userId, me.userId());
		redirect.addFlashAttribute("message", "No longer shared with that colleague.");
		return "redirect:/emails/" + id;
	}

	/**
	 * The sanitised HTML body as a document of its own, for the sandboxed frame of the email view; it is never
	 * inlined into an app page. Its policy allows no script at all and, unless asked, no image from outside.
	 */
	@GetMapping("/{id}/body")
	ResponseEntity<String> body(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@RequestParam(required = false) String images) {
		String html = this.reader.sanitizedBody(id, me.userId())
			.orElseThrow(() -> new EmailNotFoundException("HTML body"));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
		headers.set("Content-Security-Policy", "remote".equals(images) ? BODY_POLICY_REMOTE_IMAGES : BODY_POLICY);
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("Referrer-Policy", "no-referrer");
		return ResponseEntity.ok().headers(headers).body(html);
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> attachment(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@PathVariable UUID attachmentId) {
		EmailReader.AttachmentContent attachment = this.reader.attachment(id, attachmentId, me.userId());
		return ResponseEntity.ok()
			.headers(Downloads.headers(attachment.filename(), Downloads.attachmentType(attachment.contentType()),
					attachment.content().length))
			.body(attachment.content());
	}

	/** The message exactly as it arrived, for a mail client or for support. */
	@GetMapping("/{id}/raw")
	ResponseEntity<byte[]> raw(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		EmailReader.RawMessage raw = this.reader.raw(id, me.userId());
		String name = Downloads.safeFilename(raw.name(), id.toString()) + ".eml";
		return ResponseEntity.ok()
			.headers(Downloads.headers(name, MediaType.parseMediaType("message/rfc822"), raw.content().length))
			.body(raw.content());
	}

	@PostMapping("/{id}/links")
	String link(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@Valid @ModelAttribute LinkForm form, BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			redirect.addFlashAttribute("error", "Choose a record to link the email to.");
			return redirectTo(id);
		}
		var linked = this.linking.link(id, form.getRecordType(), form.getRecordId(), me);
		redirect.addFlashAttribute("message", linked.added()
				? "Linked to " + linked.link().name() + "." : "The email was already linked to " + linked.link().name() + ".");
		return redirectTo(id);
	}

	@PostMapping("/{id}/links/remove")
	String unlink(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@Valid @ModelAttribute LinkForm form, BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			throw new EmailNotFoundException("link");
		}
		this.linking.unlink(id, form.getRecordType(), form.getRecordId(), me);
		redirect.addFlashAttribute("message", "Link removed.");
		return redirectTo(id);
	}

	/** The one-click choice among candidate deals: the email moves to that deal, and so do later replies. */
	@PostMapping("/{id}/deal")
	String moveToDeal(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam UUID dealId,
			RedirectAttributes redirect) {
		var link = this.linking.moveToDeal(id, dealId, me);
		redirect.addFlashAttribute("message", "Linked to " + link.name() + ".");
		return redirectTo(id);
	}

	/** One "link to a record" picker per record type. */
	record LinkChoice(RecordType type, String label, String prompt, List<LinkableRecords.RecordOption> options) {
	}

	static List<LinkChoice> choices(Map<RecordType, List<LinkableRecords.RecordOption>> options) {
		return List.of(
				new LinkChoice(RecordType.CONTACT, "Contact", "Choose a contact…", options.get(RecordType.CONTACT)),
				new LinkChoice(RecordType.DEAL, "Deal", "Choose a deal…", options.get(RecordType.DEAL)),
				new LinkChoice(RecordType.ACTIVITY, "Activity", "Choose an activity…", options.get(RecordType.ACTIVITY)));
	}

	/** The flags of an email, in words. */
	static List<String> flags(EmailDetails email) {
		List<String> flags = new ArrayList<>();
		if (email.unreadable()) {
			flags.add("This message could not be read completely: "
					+ (email.problems() == null || email.problems().isBlank() ? "its format is damaged or unusual."
							: email.problems()));
		}
		if (email.autoSubmission() == AutoSubmission.AUTO_REPLY) {
			flags.add("Automatic reply: sent by a program (an out-of-office or similar), so it is not linked to deals.");
		}
		if (email.autoSubmission() == AutoSubmission.BOUNCE) {
			flags.add("Bounce: a mail server reports that a message could not be delivered.");
		}
		return flags;
	}

	private static String redirectTo(UUID id) {
		// Built from the path's UUID only, never from a request value: no open redirect.
		return "redirect:/emails/" + id.toString().toLowerCase(Locale.ROOT);
	}

}
