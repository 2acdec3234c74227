package com.mailtrail.templates;

import java.util.List;
import java.util.UUID;

import com.mailtrail.security.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The company's template folders. Everyone files templates in every folder; the folder's creator or an admin
 * renames or deletes it. Deleting a folder never deletes a template: its templates move to "Unfiled".
 */
@Service
public class TemplateFolders {

	static final int MAX_NAME = 100;

	public static final String UNFILED = "Unfiled";

	private final TemplateFolderRepository folders;

	private final EmailTemplateRepository templates;

	TemplateFolders(TemplateFolderRepository folders, EmailTemplateRepository templates) {
		this.folders = folders;
		this.templates = templates;
	}

	@Transactional(readOnly = true)
	public List<TemplateFolderView> all(CurrentUser me) {
		return this.folders.findAllByOrderByNameAsc().stream().map(f -> view(f, me)).toList();
	}

	@Transactional(readOnly = true)
	public TemplateFolderView get(UUID id, CurrentUser me) {
		return view(existing(id), me);
	}

	@Transactional
	public TemplateFolderView create(String name, CurrentUser me) {
		return view(this.folders.save(new TemplateFolder(validName(name, null), me.userId())), me);
	}

	@Transactional
	public TemplateFolderView rename(UUID id, String name, CurrentUser me) {
		TemplateFolder folder = editable(id, me);
		folder.rename(validName(name, id));
		return view(folder, me);
	}

	/** Deletes the folder and returns how many templates (of anyone) moved to "Unfiled". */
	@Transactional
	public int delete(UUID id, CurrentUser me) {
		TemplateFolder folder = editable(id, me);
		int moved = this.templates.unfile(id);
		this.folders.delete(folder);
		return moved;
	}

	/** How many templates, of anyone, a folder holds: what the delete confirmation tells. */
	@Transactional(readOnly = true)
	public long size(UUID id) {
		return this.templates.countInFolder(existing(id).getId());
	}

	private TemplateFolder existing(UUID id) {
		return this.folders.findById(id).orElseThrow(() -> new TemplateNotFoundException("folder", id));
	}

	private TemplateFolder editable(UUID id, CurrentUser me) {
		TemplateFolder folder = existing(id);
		if (!mayEdit(folder, me)) {
			throw new TemplateAccessDeniedException("Only the folder's creator or an admin can rename or delete it.");
		}
		return folder;
	}

	private static boolean mayEdit(TemplateFolder folder, CurrentUser me) {
		return me.isAdmin() || me.userId().equals(folder.getCreatedBy());
	}

	private String validName(String name, UUID self) {
		String clean = name == null ? "" : TemplateContent.oneLine(name).strip();
		if (clean.isEmpty()) {
			throw new InvalidTemplateException("name", "Enter a folder name.");
		}
		if (clean.length() > MAX_NAME) {
			throw new InvalidTemplateException("name", "The folder name is too long; keep it under " + MAX_NAME
					+ " characters.");
		}
		if (clean.equalsIgnoreCase(UNFILED)) {
			throw new InvalidTemplateException("name", "\"" + UNFILED + "\" is where templates without a folder are listed; choose another name.");
		}
		if (this.folders.existsNamed(clean, self == null ? new UUID(0, 0) : self)) {
			throw new InvalidTemplateException("name", "There is already a folder called \"" + clean + "\".");
		}
		return clean;
	}

	private static TemplateFolderView view(TemplateFolder folder, CurrentUser me) {
		return new TemplateFolderView(folder.getId(), folder.getName(), mayEdit(folder, me));
	}

}
