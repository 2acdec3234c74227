package com.mailtrail.tracking;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import com.mailtrail.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The endpoints recipients' mail clients reach: no login, no session, no CSRF (see the security configuration). The
 * tenant comes from the token alone; nothing in the request chooses where a click goes.
 */
@Controller
class TrackingController {

	/** A 1×1 transparent GIF (43 bytes). */
	static final byte[] PIXEL = { 'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, (byte) 0x80, 0, 0, 0, 0, 0, (byte) 0xff,
			(byte) 0xff, (byte) 0xff, '!', (byte) 0xf9, 4, 1, 0, 0, 0, 0, ',', 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 'D',
			1, 0, ';' };

	private static final Pattern ADDRESS_LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

	private final TrackingTargets targets;

	private final AudienceClassifier classifier;

	private final RecentClicks recentClicks;

	private final TrackingEventWriter writer;

	TrackingController(TrackingTargets targets, AudienceClassifier classifier, RecentClicks recentClicks,
			TrackingEventWriter writer) {
		this.targets = targets;
		this.classifier = classifier;
		this.recentClicks = recentClicks;
		this.writer = writer;
	}

	/** Always the same pixel, whatever the token, so that the answer tells nothing; valid tokens are recorded. */
	@GetMapping("/t/o/{token}")
	ResponseEntity<byte[]> open(@PathVariable String token, @AuthenticationPrincipal CurrentUser user,
			HttpServletRequest request) {
		if ("GET".equals(request.getMethod())) {
			this.targets.open(token).ifPresent(target -> record(target, TrackingEvent.Kind.OPEN, user, request, 0));
		}
		return pixel();
	}

	/** The same pixel with the same headers, recording nothing: the benchmark's baseline. */
	@GetMapping("/t/static.gif")
	ResponseEntity<byte[]> staticPixel() {
		return pixel();
	}

	/**
	 * A valid token redirects to exactly the stored URL (only http and https are ever stored) and records the click;
	 * HEAD requests are answered alike but not counted. Anything else gets a 404 page and no redirect.
	 */
	@GetMapping("/t/c/{token}")
	ModelAndView click(@PathVariable String token, @AuthenticationPrincipal CurrentUser user,
			HttpServletRequest request, HttpServletResponse response) {
		Optional<TrackedEmailQueries.Target> found = this.targets.click(token);
		if (found.isEmpty()) {
			ModelAndView notFound = new ModelAndView("tracking/linkNotFound");
			notFound.setStatus(HttpStatus.NOT_FOUND);
			return notFound;
		}
		TrackedEmailQueries.Target target = found.get();
		if ("GET".equals(request.getMethod())) {
			int others = this.recentClicks.recordAndCountOthers(target.emailId(), request.getRemoteAddr(),
					target.linkId(), System.nanoTime());
			record(target, TrackingEvent.Kind.CLICK, user, request, others);
		}
		response.setStatus(HttpServletResponse.SC_FOUND);
		response.setHeader("Location", RedirectLocation.of(target.url()));
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Referrer-Policy", "no-referrer");
		return null;
	}

	private void record(TrackedEmailQueries.Target target, TrackingEvent.Kind kind, CurrentUser user,
			HttpServletRequest request, int otherLinksClicked) {
		Instant now = Instant.now();
		boolean sender = user != null && user.tenantId().equals(target.tenant())
				&& user.userId().equals(target.ownerId());
		String agent = request.getHeader("User-Agent");
		var classified = new AudienceClassifier.Request(kind == TrackingEvent.Kind.CLICK, agent, purpose(request),
				sender, target.sentAt(), now, otherLinksClicked);
		Audience audience = this.classifier.classify(classified);
		boolean burst = audience == Audience.SCANNER && otherLinksClicked >= 2;
		this.writer.record(new TrackingEvent(target, kind, audience, now,
				agent == null ? null : TrackedEmailQueries.truncate(agent, 500), truncatedIp(request.getRemoteAddr()),
				burst));
	}

	private static String purpose(HttpServletRequest request) {
		for (String header : new String[] { "Sec-Purpose", "Purpose", "X-Purpose", "X-Moz" }) {
			String value = request.getHeader(header);
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	/** Only the network is kept: the last octet of IPv4, all but the first 48 bits of IPv6. */
	static String truncatedIp(String address) {
		if (address == null || !ADDRESS_LITERAL.matcher(address).matches()) {
			return null; // not an address literal: never resolve names
		}
		if (address.indexOf(':') < 0) {
			int lastDot = address.lastIndexOf('.');
			return lastDot > 0 && address.chars().filter(c -> c == '.').count() == 3
					? address.substring(0, lastDot) + ".0" : null;
		}
		try {
			byte[] bytes = InetAddress.getByName(address.strip()).getAddress();
			if (bytes.length == 4) {
				return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0";
			}
			return String.format("%x:%x:%x::", ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff),
					((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff), ((bytes[4] & 0xff) << 8) | (bytes[5] & 0xff));
		}
		catch (UnknownHostException | SecurityException ex) {
			return null;
		}
	}

	private static ResponseEntity<byte[]> pixel() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore().mustRevalidate().cachePrivate())
			.header("Pragma", "no-cache")
			.header("Expires", "0")
			.contentType(MediaType.IMAGE_GIF)
			.contentLength(PIXEL.length)
			.body(PIXEL);
	}

}
