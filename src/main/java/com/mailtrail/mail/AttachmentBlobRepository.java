package com.mailtrail.mail;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

public interface AttachmentBlobRepository extends Repository<AttachmentBlob, UUID> {

	AttachmentBlob save(AttachmentBlob blob);

	Optional<AttachmentBlob> findBySha256(String sha256);

}
