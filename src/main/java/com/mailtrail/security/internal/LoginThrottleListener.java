package com.mailtrail.security.internal;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Feeds the sign-in outcomes of the login form into the throttle. */
@Component
class LoginThrottleListener {

	private final LoginThrottleQueries throttle;

	LoginThrottleListener(LoginThrottleQueries throttle) {
		this.throttle = throttle;
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		this.throttle.failed(event.getAuthentication().getName());
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof com.mailtrail.security.CurrentUser user) {
			this.throttle.succeeded(user.email());
		}
	}

}
