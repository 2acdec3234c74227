package com.mailtrail.mail.web;

import java.util.List;

import org.springframework.data.domain.Page;

/** One page of emails, with what the pager and the search box need; the same shape as the CRM's record pages. */
public record EmailPage<T>(List<T> items, int number, int totalPages, long totalElements, String query) {

	/** Pages past this are refused as the last one: nobody pages that far, and the offset must fit an int. */
	static final int LAST_PAGE_INDEX = 10_000;

	static int pageIndex(int requested) {
		return Math.min(Math.max(requested, 0), LAST_PAGE_INDEX);
	}

	static <T> EmailPage<T> of(Page<T> page, String query) {
		return new EmailPage<>(page.getContent(), page.getNumber(), page.getTotalPages(), page.getTotalElements(),
				query);
	}

	public boolean hasPrevious() {
		return this.number > 0;
	}

	public boolean hasNext() {
		return this.number + 1 < this.totalPages;
	}

}
