package com.mailtrail.crm.activity;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import com.mailtrail.crm.RecordPage;
import com.mailtrail.crm.Viewer;
import com.mailtrail.security.CurrentUser;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
@RequestMapping("/api/v1/activities")
@Tag(name = "Activities")
class ActivityApiController {

	private final ActivityService activities;

	ActivityApiController(ActivityService activities) {
		this.activities = activities;
	}

	record ActivityRequest(@NotNull ActivityType type, @NotBlank @Size(max = 200) String title,
			@Size(max = 10000) String notes, LocalDate dueDate, Boolean done, UUID contactId, UUID dealId,
			UUID ownerId, Set<UUID> followerIds) {

		ActivityData toData(CurrentUser me) {
			return new ActivityData(this.type, this.title, this.notes, this.dueDate, Boolean.TRUE.equals(this.done), this.contactId,
					this.dealId, this.ownerId == null ? me.userId() : this.ownerId,
					this.followerIds == null ? Set.of() : this.followerIds);
		}

	}

	@GetMapping
	RecordPage<ActivityView> list(@AuthenticationPrincipal CurrentUser me, @RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) Boolean done, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size) {
		var pageable = PageRequest.of(RecordPage.pageIndex(page), Math.min(Math.max(size, 1), 100),
				Sort.by(Sort.Order.asc("done"), Sort.Order.asc("dueDate").nullsLast()));
		return RecordPage.of(this.activities.search(q, done, Viewer.of(me), pageable), q);
	}

	@GetMapping("/{id}")
	ActivityView get(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return this.activities.get(id, Viewer.of(me));
	}

	@PostMapping
	ResponseEntity<ActivityView> create(@AuthenticationPrincipal CurrentUser me,
			@Valid @RequestBody ActivityRequest request) {
		UUID id = this.activities.create(request.toData(me), Viewer.of(me));
		return ResponseEntity.status(HttpStatus.CREATED).body(this.activities.get(id, Viewer.of(me)));
	}

	@PutMapping("/{id}")
	ActivityView update(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@Valid @RequestBody ActivityRequest request) {
		this.activities.update(id, request.toData(me), Viewer.of(me));
		return this.activities.get(id, Viewer.of(me));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		this.activities.delete(id, Viewer.of(me));
		return ResponseEntity.noContent().build();
	}

}
