package com.mailtrail.mail.outbound;

import java.util.UUID;

import org.springframework.data.repository.Repository;

interface OutboxEntryRepository extends Repository<OutboxEntry, UUID> {

	OutboxEntry save(OutboxEntry entry);

}
