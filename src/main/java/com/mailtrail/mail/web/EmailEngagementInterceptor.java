package com.mailtrail.mail.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mailtrail.mail.EmailEngagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Adds opens and clicks to the email list and the email view, from whatever {@link EmailEngagement} the tracking
 * module provides. It reads the emails the page already shows, which the visibility query has let through, so it
 * shows tracking data only to those who may see the email. Kept apart from the controller so that the pages work,
 * and merge, without it.
 */
@Configuration(proxyBeanMethods = false)
class EmailEngagementInterceptor implements HandlerInterceptor, WebMvcConfigurer {

	private final ObjectProvider<EmailEngagement> engagement;

	EmailEngagementInterceptor(ObjectProvider<EmailEngagement> engagement) {
		this.engagement = engagement;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/emails", "/emails/*");
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView view) {
		EmailEngagement source = this.engagement.getIfAvailable();
		if (source == null || view == null || view.getViewName() == null) {
			return;
		}
		Map<String, Object> model = view.getModel();
		if (EmailController.VIEW_LIST.equals(view.getViewName()) && model.get("page") instanceof EmailPage<?> page) {
			List<UUID> ids = page.items()
				.stream()
				.filter(EmailViews.EmailRow.class::isInstance)
				.map(row -> ((EmailViews.EmailRow) row).id())
				.toList();
			view.addObject("engagement", source.markers(ids));
		}
		if (EmailController.VIEW_DETAILS.equals(view.getViewName())
				&& model.get("email") instanceof EmailViews.EmailDetails email) {
			source.activity(email.id()).ifPresent(activity -> view.addObject("engagementActivity", activity));
		}
	}

}
