package com.mailtrail.templates;

import java.util.List;
import java.util.Map;
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
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/template-folders")
@Tag(name = "Email templates")
class TemplateFolderApiController {

	private final TemplateFolders folders;

	TemplateFolderApiController(TemplateFolders folders) {
		this.folders = folders;
	}

	record FolderRequest(String name) {
	}

	@GetMapping
	@Operation(summary = "The company's template folders")
	List<TemplateFolderView> list(@AuthenticationPrincipal CurrentUser me) {
		return this.folders.all(me);
	}

	@GetMapping("/{id}")
	TemplateFolderView get(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return this.folders.get(id, me);
	}

	@PostMapping
	ResponseEntity<TemplateFolderView> create(@AuthenticationPrincipal CurrentUser me,
			@RequestBody FolderRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.folders.create(request.name(), me));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Rename a folder (its creator or an admin)")
	TemplateFolderView rename(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@RequestBody FolderRequest request) {
		return this.folders.rename(id, request.name(), me);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a folder (its creator or an admin); its templates move to Unfiled")
	Map<String, Integer> delete(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return Map.of("movedToUnfiled", this.folders.delete(id, me));
	}

}
