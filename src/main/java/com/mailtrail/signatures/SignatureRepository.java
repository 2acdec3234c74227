package com.mailtrail.signatures;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface SignatureRepository extends Repository<Signature, UUID> {

	Signature save(Signature signature);

	Optional<Signature> findByUserId(UUID userId);

}
