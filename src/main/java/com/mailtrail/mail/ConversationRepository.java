package com.mailtrail.mail;

import java.util.UUID;

import org.springframework.data.repository.Repository;

public interface ConversationRepository extends Repository<Conversation, UUID> {

	Conversation save(Conversation conversation);

}
