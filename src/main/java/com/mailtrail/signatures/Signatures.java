package com.mailtrail.signatures;

import java.util.UUID;

import com.mailtrail.html.HtmlSanitizer;
import org.jsoup.Jsoup;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signatures and the company disclaimer. Whatever HTML arrives is sanitised before it is stored, so what is stored
 * is always safe to show and to send.
 */
@Service
public class Signatures {

	/** Every user's signature until they write their own. */
	public static final String DEFAULT_SIGNATURE = "<p>Sent from Mailtrail</p>";

	/** A signature or disclaimer is a few lines; this keeps a pasted document out. */
	static final int MAX_LENGTH = 20_000;

	private final SignatureRepository signatures;

	private final CompanyDisclaimerRepository disclaimers;

	private final HtmlSanitizer sanitizer;

	Signatures(SignatureRepository signatures, CompanyDisclaimerRepository disclaimers, HtmlSanitizer sanitizer) {
		this.signatures = signatures;
		this.disclaimers = disclaimers;
		this.sanitizer = sanitizer;
	}

	/** The user's signature as sanitised HTML. */
	@Transactional(readOnly = true)
	public String signatureOf(UUID userId) {
		return this.signatures.findByUserId(userId).map(Signature::getHtml).orElse(DEFAULT_SIGNATURE);
	}

	/** Stores the sanitised signature and returns it; an empty signature is allowed (no signature at all). */
	@Transactional
	public String saveSignature(UUID userId, String html) {
		String clean = clean(html);
		this.signatures.findByUserId(userId)
			.ifPresentOrElse(s -> s.change(clean), () -> this.signatures.save(new Signature(userId, clean)));
		return clean;
	}

	/** The company disclaimer as sanitised HTML, or an empty string when the company has none. */
	@Transactional(readOnly = true)
	public String disclaimer() {
		return this.disclaimers.findFirstBy().map(CompanyDisclaimer::getHtml).orElse("");
	}

	@Transactional
	public String saveDisclaimer(String html, UUID adminId) {
		String clean = clean(html);
		var existing = this.disclaimers.findFirstBy();
		if (clean.isBlank()) {
			existing.ifPresent(this.disclaimers::delete);
			return "";
		}
		existing.ifPresentOrElse(d -> d.change(clean, adminId),
				() -> this.disclaimers.save(new CompanyDisclaimer(clean, adminId)));
		return clean;
	}

	/** Plain-text form of sanitised HTML, for the text part of an email. */
	public static String asText(String html) {
		var document = Jsoup.parseBodyFragment(html);
		document.outputSettings().prettyPrint(false);
		document.select("br").after("\\n");
		document.select("p, div, li, tr").after("\\n");
		return document.text().replace("\\n", "\n").replaceAll("[ \\t]*\\n[ \\t]*", "\n").strip();
	}

	private String clean(String html) {
		if (html == null) {
			return "";
		}
		if (html.length() > MAX_LENGTH) {
			throw new SignatureTooLongException();
		}
		return this.sanitizer.sanitize(html).strip();
	}

}
