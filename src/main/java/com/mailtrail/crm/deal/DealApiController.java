package com.mailtrail.crm.deal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import com.mailtrail.crm.RecordPage;
import com.mailtrail.crm.Viewer;
import com.mailtrail.security.CurrentUser;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
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
@RequestMapping("/api/v1/deals")
@Tag(name = "Deals")
class DealApiController {

	private final DealService deals;

	DealApiController(DealService deals) {
		this.deals = deals;
	}

	record DealRequest(@NotBlank @Size(max = 200) String title,
			@DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal amount,
			@Pattern(regexp = "^[A-Za-z]{3}$") String currency, DealStatus status, UUID primaryContactId,
			Set<UUID> participantIds, LocalDate expectedCloseDate, UUID ownerId, Set<UUID> followerIds) {

		DealData toData(CurrentUser me) {
			return new DealData(this.title, this.amount, this.currency, this.status, this.primaryContactId,
					this.participantIds == null ? Set.of() : this.participantIds, this.expectedCloseDate,
					this.ownerId == null ? me.userId() : this.ownerId,
					this.followerIds == null ? Set.of() : this.followerIds);
		}

	}

	@GetMapping
	RecordPage<DealView> list(@AuthenticationPrincipal CurrentUser me, @RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) DealStatus status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size) {
		var pageable = PageRequest.of(RecordPage.pageIndex(page), Math.min(Math.max(size, 1), 100),
				Sort.by(Sort.Direction.DESC, "updatedAt"));
		return RecordPage.of(this.deals.search(q, status, Viewer.of(me), pageable), q);
	}

	@GetMapping("/{id}")
	DealView get(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return this.deals.get(id, Viewer.of(me));
	}

	@PostMapping
	ResponseEntity<DealView> create(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody DealRequest request) {
		UUID id = this.deals.create(request.toData(me), Viewer.of(me));
		return ResponseEntity.status(HttpStatus.CREATED).body(this.deals.get(id, Viewer.of(me)));
	}

	@PutMapping("/{id}")
	DealView update(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@Valid @RequestBody DealRequest request) {
		this.deals.update(id, request.toData(me), Viewer.of(me));
		return this.deals.get(id, Viewer.of(me));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		this.deals.delete(id, Viewer.of(me));
		return ResponseEntity.noContent().build();
	}

}
