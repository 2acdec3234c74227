package com.mailtrail.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.mailtrail.security.CurrentUser;
import com.mailtrail.tenancy.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the authenticated user's tenant for the rest of the request: the one HTTP entry point of tenancy. The
 * tenant always comes from the principal, never from a header or parameter. A user deactivated since they logged in
 * loses their session here, on their next request.
 */
class TenantBindingFilter extends OncePerRequestFilter {

	private final LoginQueries logins;

	TenantBindingFilter(LoginQueries logins) {
		this.logins = logins;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)) {
			chain.doFilter(request, response);
			return;
		}
		if (!this.logins.isActive(user.userId(), user.tenantId())) {
			SecurityContextHolder.clearContext();
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "This account has been deactivated");
			}
			else {
				response.sendRedirect(request.getContextPath() + "/login?deactivated");
			}
			return;
		}
		try {
			TenantContext.runAs(user.tenantId(), () -> {
				try {
					chain.doFilter(request, response);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				catch (ServletException ex) {
					throw new WrappedServletException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		catch (WrappedServletException ex) {
			throw (ServletException) ex.getCause();
		}
	}

	private static final class WrappedServletException extends RuntimeException {

		WrappedServletException(ServletException cause) {
			super(cause);
		}

	}

}
