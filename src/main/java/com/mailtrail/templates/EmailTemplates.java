package com.mailtrail.templates;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.mailtrail.crm.SearchPattern;
import com.mailtrail.security.CurrentUser;
import com.mailtrail.security.UserDirectory;
import com.mailtrail.security.UserSummary;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Templates of the current company. A private template exists only for its owner; a shared one is seen by
 * everyone in the company. Only the owner, or an admin for a shared template, changes or deletes it.
 */
@Service
public class EmailTemplates {

	static final int MAX_NAME = 200;

	private final EmailTemplateRepository templates;

	private final TemplateFolderRepository folders;

	private final TemplateContent content;

	private final UserDirectory users;

	EmailTemplates(EmailTemplateRepository templates, TemplateFolderRepository folders, TemplateContent content,
			UserDirectory users) {
		this.templates = templates;
		this.folders = folders;
		this.content = content;
		this.users = users;
	}

	/** Visible templates, by name; {@code type} null means all types, an empty query matches all. */
	@Transactional(readOnly = true)
	public List<TemplateView> search(String query, TemplateRecordType type, CurrentUser me) {
		List<EmailTemplate> found = this.templates.search(me.userId(), type, SearchPattern.of(query));
		Map<UUID, String> folderNames = this.folders.findAllByOrderByNameAsc()
			.stream()
			.collect(Collectors.toMap(TemplateFolder::getId, TemplateFolder::getName));
		Map<UUID, UserSummary> owners = this.users
			.byIds(found.stream().map(EmailTemplate::getOwnerId).collect(Collectors.toSet()));
		return found.stream().map(t -> view(t, folderNames, owners, me)).toList();
	}

	/**
	 * What the compose template picker offers for a record type ("CONTACT", "DEAL", "ACTIVITY"): the visible
	 * templates grouped by folder name, folders alphabetically and "Unfiled" last.
	 */
	@Transactional(readOnly = true)
	public Map<String, List<TemplateView>> forPicker(String recordType, CurrentUser me) {
		Map<String, List<TemplateView>> groups = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		List<TemplateView> unfiled = new java.util.ArrayList<>();
		for (TemplateView t : search("", TemplateRecordType.parse(recordType), me)) {
			if (t.folderName() == null) {
				unfiled.add(t);
			}
			else {
				groups.computeIfAbsent(t.folderName(), k -> new java.util.ArrayList<>()).add(t);
			}
		}
		Map<String, List<TemplateView>> ordered = new java.util.LinkedHashMap<>(groups);
		if (!unfiled.isEmpty()) {
			ordered.put(TemplateFolders.UNFILED, unfiled);
		}
		return ordered;
	}

	@Transactional(readOnly = true)
	public TemplateView get(UUID id, CurrentUser me) {
		EmailTemplate template = visible(id, me);
		Map<UUID, String> folderNames = template.getFolderId() == null ? Map.of()
				: this.folders.findById(template.getFolderId())
					.map(f -> Map.of(f.getId(), f.getName()))
					.orElse(Map.of());
		return view(template, folderNames, this.users.byIds(Set.of(template.getOwnerId())), me);
	}

	@Transactional
	public UUID create(TemplateData data, CurrentUser me) {
		EmailTemplate template = new EmailTemplate(me.userId());
		apply(template, data);
		return this.templates.save(template).getId();
	}

	@Transactional
	public void update(UUID id, TemplateData data, CurrentUser me) {
		EmailTemplate template = editable(id, me);
		apply(template, data);
	}

	@Transactional
	public void delete(UUID id, CurrentUser me) {
		this.templates.delete(editable(id, me));
	}

	/** The stored template if the user may see it; package-private for the renderer. */
	EmailTemplate visible(UUID id, CurrentUser me) {
		return this.templates.findVisible(id, me.userId()).orElseThrow(() -> new TemplateNotFoundException("template", id));
	}

	private EmailTemplate editable(UUID id, CurrentUser me) {
		EmailTemplate template = visible(id, me);
		if (!mayEdit(template, me)) {
			throw new TemplateAccessDeniedException("Only the template's owner or an admin can change it.");
		}
		return template;
	}

	private static boolean mayEdit(EmailTemplate template, CurrentUser me) {
		return template.getOwnerId().equals(me.userId()) || (template.isShared() && me.isAdmin());
	}

	private void apply(EmailTemplate template, TemplateData data) {
		if (data.recordType() == null) {
			throw new InvalidTemplateException("recordType", "Choose a record type: Contact, Deal or Activity.");
		}
		String name = data.name() == null ? "" : TemplateContent.oneLine(data.name()).strip();
		if (name.isEmpty()) {
			throw new InvalidTemplateException("name", "Enter a name for the template.");
		}
		if (name.length() > MAX_NAME) {
			throw new InvalidTemplateException("name", "The name is too long; keep it under " + MAX_NAME + " characters.");
		}
		if (data.folderId() != null && this.folders.findById(data.folderId()).isEmpty()) {
			throw new InvalidTemplateException("folderId", "That folder does not exist any more.");
		}
		String subject = this.content.cleanSubject(data.subject(), data.recordType());
		String body = this.content.cleanBody(data.body(), data.recordType());
		template.describe(data.recordType(), name, data.folderId(), subject, body, data.shared());
	}

	private static TemplateView view(EmailTemplate t, Map<UUID, String> folderNames, Map<UUID, UserSummary> owners,
			CurrentUser me) {
		UserSummary owner = owners.get(t.getOwnerId());
		return new TemplateView(t.getId(), t.getRecordType(), t.getName(), t.getFolderId(),
				t.getFolderId() == null ? null : folderNames.get(t.getFolderId()), t.getSubject(), t.getBodyHtml(),
				t.isShared(), t.getOwnerId(), owner == null ? "" : owner.displayName(), mayEdit(t, me),
				t.getUpdatedAt());
	}

}
