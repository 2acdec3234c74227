package com.mailtrail.security.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class AccountUserDetailsService implements UserDetailsService {

	private final LoginQueries logins;

	AccountUserDetailsService(LoginQueries logins) {
		this.logins = logins;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		return this.logins.findByLoginEmail(email)
			.orElseThrow(() -> new UsernameNotFoundException("No user with that login"));
	}

}
