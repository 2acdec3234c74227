package com.mailtrail.templates;

import java.util.List;
import java.util.UUID;

import com.mailtrail.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/templates")
@Tag(name = "Email templates")
class TemplateApiController {

	private final EmailTemplates templates;

	private final TemplateRenderer renderer;

	TemplateApiController(EmailTemplates templates, TemplateRenderer renderer) {
		this.templates = templates;
		this.renderer = renderer;
	}

	/** {@code body} is HTML; it is sanitised and its attributes checked when saved. */
	record TemplateRequest(String recordType, String name, UUID folderId, String subject, String body,
			Boolean shared) {

		TemplateData toData() {
			return new TemplateData(TemplateRecordType.parse(this.recordType), this.name, this.folderId, this.subject,
					this.body, Boolean.TRUE.equals(this.shared));
		}

	}

	@GetMapping
	@Operation(summary = "Templates you can see: your own and those shared with the company")
	List<TemplateView> list(@AuthenticationPrincipal CurrentUser me, @RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) String recordType, @RequestParam(required = false) UUID folderId) {
		TemplateRecordType type = recordType == null || recordType.isBlank() ? null
				: TemplateRecordType.parse(recordType);
		return this.templates.search(q, type, me)
			.stream()
			.filter(t -> folderId == null || folderId.equals(t.folderId()))
			.toList();
	}

	@GetMapping("/attributes")
	@Operation(summary = "The attributes a template of this record type may use")
	List<TemplateAttribute> attributes(@RequestParam String recordType) {
		return TemplateAttributes.forType(TemplateRecordType.parse(recordType));
	}

	@GetMapping("/{id}")
	TemplateView get(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return this.templates.get(id, me);
	}

	@PostMapping
	ResponseEntity<TemplateView> create(@AuthenticationPrincipal CurrentUser me,
			@RequestBody TemplateRequest request) {
		UUID id = this.templates.create(request.toData(), me);
		return ResponseEntity.status(HttpStatus.CREATED).body(this.templates.get(id, me));
	}

	@PutMapping("/{id}")
	TemplateView update(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@RequestBody TemplateRequest request) {
		this.templates.update(id, request.toData(), me);
		return this.templates.get(id, me);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		this.templates.delete(id, me);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/render")
	@Operation(summary = "The template filled in for a record you can see: {subject, html}")
	RenderedTemplate render(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@RequestParam String recordType, @RequestParam UUID recordId) {
		return this.renderer.render(id, TemplateRecordType.parse(recordType), recordId, me);
	}

}
