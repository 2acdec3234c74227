package com.mailtrail.signatures;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface CompanyDisclaimerRepository extends Repository<CompanyDisclaimer, UUID> {

	CompanyDisclaimer save(CompanyDisclaimer disclaimer);

	Optional<CompanyDisclaimer> findFirstBy();

	void delete(CompanyDisclaimer disclaimer);

}
