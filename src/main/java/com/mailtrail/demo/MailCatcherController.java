package com.mailtrail.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import com.mailtrail.html.HtmlSanitizer;
import com.mailtrail.mail.outbound.OutgoingMail;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the demo mail catcher caught. Anyone can sign up on a demo instance, so each company sees only the messages
 * it sent itself: those whose Message-ID is one of its sent emails'. The HTML part is shown sanitised, in a
 * sandboxed frame with a policy that allows no script, like a received email.
 */
@Controller
@RequestMapping("/demo/mail-catcher")
class MailCatcherController {

	private final MailCatcher catcher;

	private final OutgoingMail outgoing;

	private final HtmlSanitizer sanitizer;

	MailCatcherController(MailCatcher catcher, OutgoingMail outgoing, HtmlSanitizer sanitizer) {
		this.catcher = catcher;
		this.outgoing = outgoing;
		this.sanitizer = sanitizer;
	}

	@ModelAttribute
	void available() {
		if (!this.catcher.running()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("messages", ours());
		model.addAttribute("port", this.catcher.port());
		return "demo/mailCatcher";
	}

	@GetMapping("/{number}")
	String show(@PathVariable long number, Model model) {
		model.addAttribute("message", find(number));
		return "demo/mailCatcherMessage";
	}

	@GetMapping("/{number}/html")
	ResponseEntity<String> html(@PathVariable long number) {
		CaughtMessage message = find(number);
		if (message.html() == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
		headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
				+ "frame-ancestors 'self'; base-uri 'none'; form-action 'none'");
		headers.set("X-Content-Type-Options", "nosniff");
		return ResponseEntity.ok().headers(headers).body(this.sanitizer.sanitizeDocument(message.html(), src -> null));
	}

	@GetMapping("/{number}/raw")
	ResponseEntity<byte[]> raw(@PathVariable long number) {
		CaughtMessage message = find(number);
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.header("X-Content-Type-Options", "nosniff")
			.body(message.raw());
	}

	private CaughtMessage find(long number) {
		return this.catcher.message(number)
			.filter(m -> m.messageId() != null
					&& this.outgoing.sentMessageIds(Set.of(m.messageId())).contains(m.messageId()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private List<CaughtMessage> ours() {
		List<CaughtMessage> all = this.catcher.messages();
		Set<String> sent = this.outgoing.sentMessageIds(
				all.stream().map(CaughtMessage::messageId).filter(java.util.Objects::nonNull).toList());
		return all.stream().filter(m -> m.messageId() != null && sent.contains(m.messageId())).toList();
	}

}
