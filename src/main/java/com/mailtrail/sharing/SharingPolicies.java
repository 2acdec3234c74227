package com.mailtrail.sharing;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mailtrail.security.UserCreated;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users' email sharing policies and the company default for new users. A user without a row is Private; every
 * change, by the user or an admin, is written to the audit log. The email visibility query reads the rows.
 */
@Service
public class SharingPolicies {

	private final EmailSharingPolicyRepository policies;

	private final EmailSharingDefaultRepository defaults;

	private final SharingAuditRepository audit;

	SharingPolicies(EmailSharingPolicyRepository policies, EmailSharingDefaultRepository defaults,
			SharingAuditRepository audit) {
		this.policies = policies;
		this.defaults = defaults;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public Map<SharingModule, SharingLevel> of(UUID userId) {
		Map<SharingModule, SharingLevel> levels = privateEverywhere();
		this.policies.findByUserId(userId).forEach(p -> levels.put(p.getModule(), p.getLevel()));
		return levels;
	}

	/** Every user's policies, for the admin page; users without rows are Private everywhere. */
	@Transactional(readOnly = true)
	public Map<UUID, Map<SharingModule, SharingLevel>> all() {
		Map<UUID, Map<SharingModule, SharingLevel>> all = new java.util.HashMap<>();
		this.policies.findAll()
			.forEach(p -> all.computeIfAbsent(p.getUserId(), u -> privateEverywhere()).put(p.getModule(), p.getLevel()));
		return all;
	}

	@Transactional
	public void change(UUID actor, UUID userId, SharingModule module, SharingLevel level) {
		var existing = this.policies.findByUserIdAndModule(userId, module);
		SharingLevel old = existing.map(EmailSharingPolicy::getLevel).orElse(SharingLevel.PRIVATE);
		if (old == level) {
			return;
		}
		existing.ifPresentOrElse(p -> p.change(level),
				() -> this.policies.save(new EmailSharingPolicy(userId, module, level)));
		this.audit.save(new SharingAuditEntry(actor, userId, module, old, level));
	}

	@Transactional(readOnly = true)
	public Map<SharingModule, SharingLevel> companyDefaults() {
		Map<SharingModule, SharingLevel> levels = privateEverywhere();
		this.defaults.findAll().forEach(d -> levels.put(d.getModule(), d.getLevel()));
		return levels;
	}

	/** The policy new users start with; existing users keep theirs. */
	@Transactional
	public void changeCompanyDefault(UUID actor, SharingModule module, SharingLevel level) {
		var existing = this.defaults.findByModule(module);
		SharingLevel old = existing.map(EmailSharingDefault::getLevel).orElse(SharingLevel.PRIVATE);
		if (old == level) {
			return;
		}
		existing.ifPresentOrElse(d -> d.change(level),
				() -> this.defaults.save(new EmailSharingDefault(module, level)));
		this.audit.save(new SharingAuditEntry(actor, null, module, old, level));
	}

	/** A new user starts with the company defaults (Private where none is set). */
	@EventListener
	void on(UserCreated event) {
		companyDefaults().forEach((module, level) -> {
			if (level != SharingLevel.PRIVATE) {
				this.policies.save(new EmailSharingPolicy(event.userId(), module, level));
			}
		});
	}

	public record AuditEntry(UUID actorId, UUID subjectUserId, SharingModule module, SharingLevel oldLevel,
			SharingLevel newLevel, Instant changedAt) {
	}

	@Transactional(readOnly = true)
	public List<AuditEntry> auditLog() {
		return this.audit.findTop200ByOrderByChangedAtDesc()
			.stream()
			.map(a -> new AuditEntry(a.getActorId(), a.getSubjectUserId(), a.getModule(), a.getOldLevel(),
					a.getNewLevel(), a.getChangedAt()))
			.toList();
	}

	private static Map<SharingModule, SharingLevel> privateEverywhere() {
		Map<SharingModule, SharingLevel> levels = new EnumMap<>(SharingModule.class);
		for (SharingModule module : SharingModule.values()) {
			levels.put(module, SharingLevel.PRIVATE);
		}
		return levels;
	}

}
