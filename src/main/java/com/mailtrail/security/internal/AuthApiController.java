package com.mailtrail.security.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAnyGetter;

import com.mailtrail.security.AccountDetailsContributor;
import com.mailtrail.security.CurrentUser;
import com.mailtrail.tenancy.Tenant;
import com.mailtrail.tenancy.TenantContext;
import com.mailtrail.tenancy.TenantRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Account")
class AuthApiController {

	private final LoginQueries logins;

	private final PasswordEncoder passwordEncoder;

	private final ApiTokens tokens;

	private final TenantRepository tenants;

	private final List<AccountDetailsContributor> contributors;

	private final LoginThrottleQueries throttle;

	AuthApiController(LoginQueries logins, PasswordEncoder passwordEncoder, ApiTokens tokens,
			TenantRepository tenants, List<AccountDetailsContributor> contributors, LoginThrottleQueries throttle) {
		this.throttle = throttle;
		this.logins = logins;
		this.passwordEncoder = passwordEncoder;
		this.tokens = tokens;
		this.tenants = tenants;
		this.contributors = contributors;
	}

	record TokenRequest(@NotBlank String email, @NotBlank String password, String name) {
	}

	record TokenResponse(String token, String tokenType) {
	}

	@Operation(summary = "Exchange a login and password for a personal access token",
			description = "Send the token as 'Authorization: Bearer <token>'. It is shown once; revoke it under My account → API tokens.")
	@PostMapping("/auth/token")
	ResponseEntity<?> createToken(@Valid @RequestBody TokenRequest request) {
		if (this.throttle.isLocked(request.email())) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
					"Too many failed sign-ins for this login. Try again in a few minutes.");
			problem.setTitle("Too Many Requests");
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).body(problem);
		}
		var user = this.logins.findByLoginEmail(request.email())
			.filter(u -> this.passwordEncoder.matches(request.password(), u.getPassword()))
			.filter(CurrentUser::isEnabled);
		if (user.isEmpty()) {
			this.throttle.failed(request.email());
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
					"Wrong email or password, or the account is deactivated.");
			problem.setTitle("Unauthorized");
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
		}
		this.throttle.succeeded(request.email());
		UUID userId = user.get().userId();
		String name = (request.name() == null || request.name().isBlank()) ? "API (password exchange)"
				: request.name().trim();
		String token = TenantContext.callAs(user.get().tenantId(), () -> this.tokens.create(userId, name));
		return ResponseEntity.status(HttpStatus.CREATED).body(new TokenResponse(token, "Bearer"));
	}

	record Me(UUID id, String email, String name, String role, TenantView tenant,
			@JsonAnyGetter Map<String, Object> details) {
	}

	record TenantView(UUID id, String name) {
	}

	@Operation(summary = "The authenticated user and their company account")
	@GetMapping("/me")
	Me me(@AuthenticationPrincipal CurrentUser me) {
		String tenantName = this.tenants.findById(me.tenantId().value()).map(Tenant::getName).orElse(null);
		Map<String, Object> details = new LinkedHashMap<>();
		this.contributors.forEach(c -> details.putAll(c.details(me)));
		return new Me(me.userId(), me.email(), me.displayName(), me.role().name(),
				new TenantView(me.tenantId().value(), tenantName), details);
	}

}
