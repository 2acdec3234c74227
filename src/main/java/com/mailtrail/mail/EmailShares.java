package com.mailtrail.mail;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.mailtrail.security.UserDirectory;
import com.mailtrail.security.UserSummary;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Explicit shares: the owner of an email lets chosen colleagues read it, and can take that back. Colleagues who are
 * in the email's To or Cc see it without a share (see {@link EmailRepository#VISIBLE}).
 */
@Service
public class EmailShares {

	private final EmailShareRepository shares;

	private final EmailRepository emails;

	private final UserDirectory users;

	EmailShares(EmailShareRepository shares, EmailRepository emails, UserDirectory users) {
		this.shares = shares;
		this.emails = emails;
		this.users = users;
	}

	public record Share(UUID userId, String name, EmailShare.Reason reason, String sharedBy, Instant sharedAt) {
	}

	@Transactional(readOnly = true)
	public List<Share> of(UUID emailId) {
		List<EmailShare> all = this.shares.findByEmailIdOrderByCreatedAt(emailId);
		Set<UUID> people = new java.util.HashSet<>();
		all.forEach(s -> {
			people.add(s.getUserId());
			if (s.getSharedBy() != null) {
				people.add(s.getSharedBy());
			}
		});
		Map<UUID, UserSummary> names = this.users.byIds(people);
		return all.stream()
			.map(s -> new Share(s.getUserId(), name(names, s.getUserId()), s.getReason(),
					s.getSharedBy() == null ? null : name(names, s.getSharedBy()), s.getCreatedAt()))
			.toList();
	}

	/** Shares the owner's email with these colleagues; returns how many gained access. */
	@Transactional
	public int share(UUID emailId, Collection<UUID> userIds, UUID owner) {
		Email email = ownedBy(emailId, owner);
		Map<UUID, UserSummary> colleagues = this.users.byIds(Set.copyOf(userIds));
		if (colleagues.size() != Set.copyOf(userIds).size()
				|| colleagues.values().stream().anyMatch(u -> !u.active())) {
			throw new InvalidShareException("Share only with active users of your company.");
		}
		int added = 0;
		for (UUID userId : colleagues.keySet()) {
			if (!userId.equals(email.getOwnerId()) && !this.shares.existsByEmailIdAndUserId(emailId, userId)) {
				this.shares.save(new EmailShare(emailId, userId, owner, EmailShare.Reason.MANUAL));
				added++;
			}
		}
		return added;
	}

	@Transactional
	public boolean unshare(UUID emailId, UUID userId, UUID owner) {
		ownedBy(emailId, owner);
		return this.shares.deleteByEmailIdAndUserId(emailId, userId) > 0;
	}

	private Email ownedBy(UUID emailId, UUID owner) {
		Email email = this.emails.findVisible(emailId, owner).orElseThrow(() -> new EmailNotVisibleException());
		if (!email.getOwnerId().equals(owner)) {
			throw new ShareNotAllowedException();
		}
		return email;
	}

	private static String name(Map<UUID, UserSummary> names, UUID id) {
		UserSummary user = names.get(id);
		return user == null ? "a former colleague" : user.displayName();
	}

	@ResponseStatus(HttpStatus.NOT_FOUND)
	public static class EmailNotVisibleException extends RuntimeException {

		EmailNotVisibleException() {
			super("No such email");
		}

	}

	@ResponseStatus(HttpStatus.FORBIDDEN)
	public static class ShareNotAllowedException extends RuntimeException {

		ShareNotAllowedException() {
			super("Only the email's owner shares it.");
		}

	}

	@ResponseStatus(HttpStatus.BAD_REQUEST)
	public static class InvalidShareException extends RuntimeException {

		InvalidShareException(String message) {
			super(message);
		}

	}

}
