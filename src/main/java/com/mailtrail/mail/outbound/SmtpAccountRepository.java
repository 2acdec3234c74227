package com.mailtrail.mail.outbound;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface SmtpAccountRepository extends Repository<SmtpAccount, UUID> {

	SmtpAccount save(SmtpAccount account);

	Optional<SmtpAccount> findByUserId(UUID userId);

	void delete(SmtpAccount account);

}
