package com.mailtrail.tracking;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.mailtrail.mail.Email;
import com.mailtrail.mail.EmailParticipant;
import com.mailtrail.mail.EmailRepository;
import com.mailtrail.mail.outbound.OutgoingHtml;
import com.mailtrail.mail.outbound.OutgoingHtmlRewriter;
import com.mailtrail.platform.PlatformSettings;
import com.mailtrail.tenancy.TenantContext;
import com.mailtrail.tenancy.TenantId;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Instruments a tracked email at send time: every http(s) link in the HTML part points at
 * {@code <public URL>/t/c/<token>} and an invisible image at {@code <public URL>/t/o/<token>} is appended. Left
 * alone: {@code mailto:}, {@code tel:}, in-page anchors, relative and other links, and links carrying
 * {@value #SKIP_ATTRIBUTE} (which is removed from what is sent). The target URLs stay on the server. A retried send
 * finds the links it already registered, by position and URL, and produces the same tokens.
 */
@Component
class TrackingHtmlRewriter implements OutgoingHtmlRewriter {

	/** Put this attribute on a link to send it untracked, e.g. {@code <a href="…" data-mailtrail-notrack>}. */
	static final String SKIP_ATTRIBUTE = "data-mailtrail-notrack";

	private final TrackedEmailQueries queries;

	private final TrackingTokens tokens;

	private final EmailRepository emails;

	private final String base;

	TrackingHtmlRewriter(TrackedEmailQueries queries, TrackingTokens tokens, EmailRepository emails,
			PlatformSettings settings) {
		this.queries = queries;
		this.tokens = tokens;
		this.emails = emails;
		this.base = TrackingUrls.base(settings);
	}

	@Override
	@Transactional
	public String rewrite(OutgoingHtml outgoing) {
		if (!outgoing.tracked() || outgoing.html() == null) {
			return outgoing.html();
		}
		TenantId tenant = TenantContext.required();
		// Found through the bound tenant only: an email of another tenant is never registered under this one.
		Email email = this.emails.findById(outgoing.emailId())
			.filter(e -> e.getOwnerId().equals(outgoing.ownerId()))
			.orElseThrow(() -> new IllegalArgumentException("No email " + outgoing.emailId() + " of this sender"));
		byte[] openId = this.queries.track(tenant, outgoing.emailId(), outgoing.ownerId(), email.getSubject(),
				recipients(email), this.tokens.newId());
		Map<TrackedEmailQueries.LinkKey, byte[]> known = this.queries.links(tenant, outgoing.emailId());

		boolean wholeDocument = outgoing.html().toLowerCase(Locale.ROOT).contains("<html");
		Document document = Jsoup.parse(outgoing.html());
		document.outputSettings().prettyPrint(false);
		int position = 0;
		for (Element link : document.select("a[href], area[href]")) {
			if (link.hasAttr(SKIP_ATTRIBUTE)) {
				link.removeAttr(SKIP_ATTRIBUTE);
				continue;
			}
			String url = link.attr("href").strip();
			if (!isWebUrl(url)) {
				continue;
			}
			var key = new TrackedEmailQueries.LinkKey(position, url);
			byte[] id = known.get(key);
			if (id == null) {
				id = this.queries.addLink(tenant, outgoing.emailId(), position, url, this.tokens.newId());
			}
			link.attr("href", this.base + "/t/c/" + this.tokens.token(id));
			position++;
		}
		document.body()
			.appendElement("img")
			.attr("src", this.base + "/t/o/" + this.tokens.token(openId))
			.attr("width", "1")
			.attr("height", "1")
			.attr("alt", "")
			.attr("style", "display:block;width:1px;height:1px;border:0;margin:0;padding:0");
		return wholeDocument ? document.outerHtml() : document.body().html();
	}

	/** An absolute http or https URL, whatever the case of the scheme. */
	static boolean isWebUrl(String url) {
		String lower = url.toLowerCase(Locale.ROOT);
		return (lower.startsWith("http://") || lower.startsWith("https://")) && url.length() > lower.indexOf("//") + 2;
	}

	private static String recipients(Email email) {
		return email.getCounterparts()
			.stream()
			.map(TrackingHtmlRewriter::name)
			.distinct()
			.collect(Collectors.joining(", "));
	}

	private static String name(EmailParticipant participant) {
		return participant.getName() != null && !participant.getName().isBlank() ? participant.getName()
				: participant.getAddress();
	}

}
