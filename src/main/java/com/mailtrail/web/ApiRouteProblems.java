package com.mailtrail.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests no controller handles (an unknown path, a wrong method) answer problem details under {@code /api}, like
 * every other API error; elsewhere they fall through to the error pages.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiRouteProblems {

	@ExceptionHandler({ NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class })
	ResponseEntity<ProblemDetail> unknownRoute(HttpServletRequest request, Exception ex) throws Exception {
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			throw ex;
		}
		HttpStatus status = ex instanceof HttpRequestMethodNotSupportedException ? HttpStatus.METHOD_NOT_ALLOWED
				: HttpStatus.NOT_FOUND;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, status == HttpStatus.NOT_FOUND
				? "There is no such API route. The routes are listed at /v3/api-docs."
				: "This API route does not accept " + request.getMethod() + ".");
		problem.setTitle(status.getReasonPhrase());
		return ResponseEntity.status(status).body(problem);
	}

}
