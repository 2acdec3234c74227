package com.mailtrail.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Now and then folds the +1/-1 rows that email triggers append to email_count_delta into email_count, so that
 * readers sum a few rows per owner. In one transaction, so readers always see every email counted exactly once.
 */
@Component
public class EmailCountCompactor {

	private static final Logger log = LoggerFactory.getLogger(EmailCountCompactor.class);

	private final EmailCountQueries queries;

	private final TransactionTemplate transactions;

	EmailCountCompactor(EmailCountQueries queries, TransactionTemplate transactions) {
		this.queries = queries;
		this.transactions = transactions;
	}

	@Scheduled(fixedDelayString = "${mailtrail.mail.count-compaction-interval:10s}", initialDelayString = "10s")
	public void compact() {
		try {
			Integer folded = this.transactions.execute(status -> this.queries.foldDeltas());
			if (folded != null && folded > 0) {
				log.debug("Folded email count deltas into {} counts", folded);
			}
		}
		catch (RuntimeException ex) {
			// The deltas stay and are folded next time; counts are right either way.
			log.warn("Folding email count deltas failed: {}", ex.getMessage());
		}
	}

}
