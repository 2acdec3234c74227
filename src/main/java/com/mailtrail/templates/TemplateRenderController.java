package com.mailtrail.templates;

import java.util.UUID;

import com.mailtrail.security.CurrentUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web UI's JSON render endpoint, signed in with the session: what template-picker.js fetches. Errors are
 * problem details (404 for a template or record the user cannot see, 400 for the wrong record type).
 */
@RestController
class TemplateRenderController {

	private final TemplateRenderer renderer;

	TemplateRenderController(TemplateRenderer renderer) {
		this.renderer = renderer;
	}

	@GetMapping("/templates/{id}/render")
	RenderedTemplate render(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@RequestParam String recordType, @RequestParam UUID recordId) {
		return this.renderer.render(id, TemplateRecordType.parse(recordType), recordId, me);
	}

}
