package com.mailtrail.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to the users of the current tenant, for other modules. */
@Service
@Transactional(readOnly = true)
public class UserDirectory {

	private final UserAccountRepository users;

	UserDirectory(UserAccountRepository users) {
		this.users = users;
	}

	public List<UserSummary> all() {
		return this.users.findAllByOrderByDisplayNameAsc().stream().map(UserSummary::of).toList();
	}

	public List<UserSummary> active() {
		return all().stream().filter(UserSummary::active).toList();
	}

	public Optional<UserSummary> find(UUID id) {
		return this.users.findById(id).map(UserSummary::of);
	}

	/** Name, address, phone and job title of a user of the current tenant. */
	public Optional<UserProfile> profile(UUID id) {
		return this.users.findById(id).map(UserProfile::of);
	}

	public Map<UUID, UserSummary> byIds(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.users.findByIdIn(Set.copyOf(ids))
			.stream()
			.map(UserSummary::of)
			.collect(Collectors.toMap(UserSummary::id, Function.identity()));
	}

	/** The user's registered address first, then their secondary addresses, all lower-case. */
	public Set<String> addressesOf(UUID userId) {
		return this.users.findById(userId).map(user -> {
			Set<String> addresses = new LinkedHashSet<>();
			addresses.add(user.getEmail());
			user.getSecondaryEmails().forEach(e -> addresses.add(e.getEmail()));
			return addresses;
		}).orElse(Set.of());
	}

}
