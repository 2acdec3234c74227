package com.mailtrail.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the page layout needs on every page. */
@ControllerAdvice
class LayoutModelAttributes {

	/** The request path, to highlight the current section in the menu (Thymeleaf 3.1 no longer exposes the request). */
	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
