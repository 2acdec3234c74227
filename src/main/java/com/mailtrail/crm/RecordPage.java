package com.mailtrail.crm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;

/** One page of a record list, with what the pager and the search box need. */
public record RecordPage<T>(List<T> items, int number, int totalPages, long totalElements, String query) {

	public static final int SIZE = 25;

	/** Pages past this are refused as the last one: no list is browsed that far, and the offset must fit an int. */
	public static final int LAST_PAGE_INDEX = 10_000;

	/** The page index a request asked for, within 0 and {@link #LAST_PAGE_INDEX}. */
	public static int pageIndex(int requested) {
		return Math.min(Math.max(requested, 0), LAST_PAGE_INDEX);
	}

	public static <T> RecordPage<T> of(Page<T> page, String query) {
		return new RecordPage<>(page.getContent(), page.getNumber(), page.getTotalPages(), page.getTotalElements(),
				query);
	}

	public boolean hasPrevious() {
		return this.number > 0;
	}

	public boolean hasNext() {
		return this.number + 1 < this.totalPages;
	}

	public static List<UUID> peopleOf(UUID owner, Collection<UUID> followers) {
		List<UUID> ids = new ArrayList<>(followers);
		ids.add(owner);
		return ids;
	}

}
