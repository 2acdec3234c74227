package com.mailtrail.security.internal;

import java.util.Map;

import com.mailtrail.security.Role;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** No inline script or style anywhere in the app: what an injected string could run is nothing. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors 'none'; frame-src 'self'";

	/**
	 * An email's sanitised HTML, served for the sandboxed frame of the email view. It sets its own, stricter policy
	 * (no script, no remote images unless asked, framed by our pages only), so the app's policy, which forbids any
	 * framing, is not written for it.
	 */
	static final RequestMatcher EMAIL_BODY = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.GET, "/emails/{id}/body");

	/**
	 * Open and click tracking, reached by recipients' mail clients: no login, no CSRF (nothing changes for anyone but
	 * the event log), and no session is created. An existing session is read, so that the owner clicking their own
	 * email is recognised as its sender.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain trackingSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/t/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(
						"default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}

	/** The API: bearer tokens only, no cookies, so no session and no CSRF token to check. */
	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, LoginQueries logins) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, "/api/v1/auth/token")
				.permitAll()
				.anyRequest()
				.authenticated())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new ApiTokenAuthenticationFilter(logins), AnonymousAuthenticationFilter.class)
			.addFilterAfter(new TenantBindingFilter(logins), AuthorizationFilter.class)
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint((request, response, ex) -> problem(response,
						HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
						"A valid API token is required: Authorization: Bearer <token>"))
				.accessDeniedHandler((request, response, ex) -> problem(response, HttpServletResponse.SC_FORBIDDEN,
						"Forbidden", "Your role does not allow this request")))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")));
		return http.build();
	}

	/** Swagger UI ships inline styles; it gets its own, looser policy and nothing else does. */
	@Bean
	@Order(2)
	SecurityFilterChain apiDocsSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/swagger-ui/**", "/swagger-ui.html", "/v3/api-docs/**", "/v3/api-docs")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:")));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain webSecurity(HttpSecurity http, LoginQueries logins) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/signup", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
					"/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasAuthority(Role.ADMIN.authority())
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.defaultSuccessUrl("/", false)
				.failureHandler(loginFailures())
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.addFilterAfter(new TenantBindingFilter(logins), AuthorizationFilter.class)
			.headers(headers -> headers
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(EMAIL_BODY),
						new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(frame -> frame.sameOrigin()));
		return http.build();
	}

	/**
	 * A locked login says so, so that its owner knows to wait; every other failure reads the same. (That a locked
	 * login exists is no secret worth more: sign-up tells whether an address is taken.)
	 */
	private static ExceptionMappingAuthenticationFailureHandler loginFailures() {
		var handler = new ExceptionMappingAuthenticationFailureHandler();
		handler.setDefaultFailureUrl("/login?error");
		handler.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
		return handler;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	private static void problem(HttpServletResponse response, int status, String title, String detail)
			throws java.io.IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail + "\"}");
	}

}
