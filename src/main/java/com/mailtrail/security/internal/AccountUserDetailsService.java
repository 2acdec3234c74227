package com.mailtrail.security.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class AccountUserDetailsService implements UserDetailsService {

	private final LoginQueries logins;

	private final LoginThrottleQueries throttle;

	AccountUserDetailsService(LoginQueries logins, LoginThrottleQueries throttle) {
		this.logins = logins;
		this.throttle = throttle;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		var user = this.logins.findByLoginEmail(email)
			.orElseThrow(() -> new UsernameNotFoundException("No user with that login"));
		// A locked account is refused before its password is compared, so guessing gains nothing meanwhile.
		return this.throttle.isLocked(email) ? user.locked() : user;
	}

}
