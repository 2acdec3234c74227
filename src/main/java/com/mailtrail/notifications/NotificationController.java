package com.mailtrail.notifications;

import java.util.UUID;

import com.mailtrail.security.CurrentUser;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@Controller
@RequestMapping("/notifications")
class NotificationController {

	private final Notifications notifications;

	private final LiveNotifications live;

	NotificationController(Notifications notifications, LiveNotifications live) {
		this.notifications = notifications;
		this.live = live;
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("notifications", this.notifications.recent(me.userId()));
		return "notifications/notifications";
	}

	/** The bell's live unread count: an event named "count" now and whenever it changes. */
	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@AuthenticationPrincipal CurrentUser me) {
		return this.live.open(me.tenantId(), me.userId());
	}

	@PostMapping("/{id}/read")
	String markRead(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		this.notifications.markRead(me.userId(), id);
		return "redirect:/notifications";
	}

	@PostMapping("/read-all")
	String markAllRead(@AuthenticationPrincipal CurrentUser me) {
		this.notifications.markAllRead(me.userId());
		return "redirect:/notifications";
	}

}
