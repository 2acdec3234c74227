package com.mailtrail.crm.contact;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.mailtrail.crm.RecordPage;
import com.mailtrail.crm.Viewer;
import com.mailtrail.security.CurrentUser;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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
@RequestMapping("/api/v1/contacts")
@Tag(name = "Contacts")
class ContactApiController {

	private final ContactService contacts;

	ContactApiController(ContactService contacts) {
		this.contacts = contacts;
	}

	record ContactRequest(@Size(max = 100) String firstName, @NotBlank @Size(max = 100) String lastName,
			@Size(max = 200) String company, @Size(max = 50) String phone,
			List<@Email @NotBlank @Size(max = 320) String> emails, UUID ownerId, Set<UUID> followerIds) {

		ContactData toData(CurrentUser me) {
			return new ContactData(this.firstName, this.lastName, this.company, this.phone,
					this.emails == null ? List.of() : this.emails, this.ownerId == null ? me.userId() : this.ownerId,
					this.followerIds == null ? Set.of() : this.followerIds);
		}

	}

	@GetMapping
	RecordPage<ContactView> list(@AuthenticationPrincipal CurrentUser me, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size) {
		var pageable = PageRequest.of(RecordPage.pageIndex(page), Math.min(Math.max(size, 1), 100),
				Sort.by("lastName", "firstName"));
		return RecordPage.of(this.contacts.search(q, Viewer.of(me), pageable), q);
	}

	@GetMapping("/{id}")
	ContactView get(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return this.contacts.get(id, Viewer.of(me));
	}

	@PostMapping
	ResponseEntity<ContactView> create(@AuthenticationPrincipal CurrentUser me,
			@Valid @RequestBody ContactRequest request) {
		UUID id = this.contacts.create(request.toData(me));
		return ResponseEntity.status(HttpStatus.CREATED).body(this.contacts.get(id, Viewer.of(me)));
	}

	@PutMapping("/{id}")
	ContactView update(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@Valid @RequestBody ContactRequest request) {
		this.contacts.update(id, request.toData(me), Viewer.of(me));
		return this.contacts.get(id, Viewer.of(me));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		this.contacts.delete(id, Viewer.of(me));
		return ResponseEntity.noContent().build();
	}

}
