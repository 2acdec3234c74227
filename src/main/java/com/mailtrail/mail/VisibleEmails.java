package com.mailtrail.mail;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The email page's query: a page of the emails visible to a viewer with its total. The page comes from
 * {@link EmailRepository#VISIBLE}; the total, without a search, is the Public part counted from per-owner counts
 * plus the rest counted from the viewer's side (shares, To and Cc, the links of the viewer's records, which carry
 * their email's owner and flags), so that it stays fast in a company with a million emails.
 */
@Component
public class VisibleEmails {

	private final EmailRepository emails;

	private final EmailCountQueries counts;

	VisibleEmails(EmailRepository emails, EmailCountQueries counts) {
		this.emails = emails;
		this.counts = counts;
	}

	/**
	 * @param pattern a LIKE pattern over subject and participants, {@code %%} for none
	 * @param linked only linked (true) or unlinked (false) emails, or both (null)
	 * @param scope {@code all} visible emails, {@code mine}, or {@code shared} with the viewer by others
	 */
	@Transactional(readOnly = true)
	public Page<Email> search(String pattern, Boolean linked, String scope, UUID viewer, Pageable pageable) {
		return PageableExecutionUtils.getPage(this.emails.findVisible(pattern, linked, scope, viewer, pageable),
				pageable, () -> count(pattern, linked, scope, viewer));
	}

	private long count(String pattern, Boolean linked, String scope, UUID viewer) {
		if (!"%%".equals(pattern) || "mine".equals(scope)) {
			// A search reads the matching emails anyway; "mine" is one owner's emails, found by index.
			return this.emails.countVisible(pattern, linked, scope, viewer);
		}
		return this.counts.publicOrOwn(linked, viewer, !"shared".equals(scope))
				+ this.counts.besidesPublicAndOwn(linked, viewer);
	}

}
