package com.mailtrail.templates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mailtrail.crm.RecordNotFoundException;
import com.mailtrail.crm.Viewer;
import com.mailtrail.crm.activity.ActivityService;
import com.mailtrail.crm.contact.ContactService;
import com.mailtrail.crm.deal.DealService;
import com.mailtrail.security.CurrentUser;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Email settings → Templates: the list by folder, the folders, the template editor and the preview. */
@Controller
@RequestMapping("/settings/email/templates")
class TemplateController {

	static final String BASE = "/settings/email/templates";

	private final EmailTemplates templates;

	private final TemplateFolders folders;

	private final TemplateRenderer renderer;

	private final ContactService contacts;

	private final DealService deals;

	private final ActivityService activities;

	TemplateController(EmailTemplates templates, TemplateFolders folders, TemplateRenderer renderer,
			ContactService contacts, DealService deals, ActivityService activities) {
		this.templates = templates;
		this.folders = folders;
		this.renderer = renderer;
		this.contacts = contacts;
		this.deals = deals;
		this.activities = activities;
	}

	/** One folder's templates on the list page; {@code folder} is null for "Unfiled". */
	record FolderGroup(TemplateFolderView folder, String name, List<TemplateView> templates) {
	}

	/** A record to preview against. */
	record RecordOption(UUID id, String label) {
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser me, @RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) String type, Model model) {
		TemplateRecordType recordType = type == null || type.isBlank() ? null : TemplateRecordType.parse(type);
		List<TemplateView> found = this.templates.search(q, recordType, me);
		List<TemplateFolderView> allFolders = this.folders.all(me);
		boolean filtering = !q.isBlank() || recordType != null;
		Map<UUID, FolderGroup> groups = new LinkedHashMap<>();
		for (TemplateFolderView folder : allFolders) {
			groups.put(folder.id(), new FolderGroup(folder, folder.name(), new ArrayList<>()));
		}
		List<TemplateView> unfiled = new ArrayList<>();
		for (TemplateView t : found) {
			FolderGroup group = t.folderId() == null ? null : groups.get(t.folderId());
			if (group == null) {
				unfiled.add(t);
			}
			else {
				group.templates().add(t);
			}
		}
		List<FolderGroup> shown = new ArrayList<>(
				groups.values().stream().filter(g -> !filtering || !g.templates().isEmpty()).toList());
		if (!filtering || !unfiled.isEmpty()) {
			shown.add(new FolderGroup(null, TemplateFolders.UNFILED, unfiled));
		}
		model.addAttribute("groups", shown);
		model.addAttribute("folders", allFolders);
		model.addAttribute("q", q);
		model.addAttribute("type", recordType);
		model.addAttribute("types", TemplateRecordType.values());
		model.addAttribute("found", found.size());
		return "templates/templateList";
	}

	@GetMapping("/new")
	String newTemplate(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) String type,
			@RequestParam(required = false) UUID folder, Model model) {
		TemplateForm form = new TemplateForm();
		if (type != null && !type.isBlank()) {
			form.setRecordType(TemplateRecordType.parse(type));
		}
		form.setFolderId(folder);
		return form(model, me, form, null, true, null);
	}

	@PostMapping
	String create(@AuthenticationPrincipal CurrentUser me, @ModelAttribute("form") TemplateForm form, Model model,
			RedirectAttributes redirect) {
		try {
			UUID id = this.templates.create(form.toData(), me);
			redirect.addFlashAttribute("message", "Template \"" + this.templates.get(id, me).name() + "\" saved.");
			return "redirect:" + BASE + "/" + id;
		}
		catch (InvalidTemplateException ex) {
			return form(model, me, form, null, true, ex);
		}
	}

	@GetMapping("/{id}")
	String edit(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, Model model) {
		TemplateView template = this.templates.get(id, me);
		model.addAttribute("template", template);
		return form(model, me, TemplateForm.of(template), id, template.editable(), null);
	}

	@PostMapping("/{id}")
	String update(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@ModelAttribute("form") TemplateForm form, Model model, RedirectAttributes redirect) {
		try {
			this.templates.update(id, form.toData(), me);
			redirect.addFlashAttribute("message", "Template saved.");
			return "redirect:" + BASE + "/" + id;
		}
		catch (InvalidTemplateException ex) {
			model.addAttribute("template", this.templates.get(id, me));
			return form(model, me, form, id, true, ex);
		}
	}

	@PostMapping("/{id}/delete")
	String delete(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		String name = this.templates.get(id, me).name();
		this.templates.delete(id, me);
		redirect.addFlashAttribute("message", "Template \"" + name + "\" deleted.");
		return "redirect:" + BASE;
	}

	@PostMapping("/folders")
	String createFolder(@AuthenticationPrincipal CurrentUser me, @RequestParam(defaultValue = "") String name,
			RedirectAttributes redirect) {
		try {
			TemplateFolderView folder = this.folders.create(name, me);
			redirect.addFlashAttribute("message", "Folder \"" + folder.name() + "\" created.");
		}
		catch (InvalidTemplateException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:" + BASE;
	}

	@PostMapping("/folders/{id}/rename")
	String renameFolder(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
		try {
			TemplateFolderView folder = this.folders.rename(id, name, me);
			redirect.addFlashAttribute("message", "Folder renamed to \"" + folder.name() + "\".");
		}
		catch (InvalidTemplateException | TemplateAccessDeniedException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:" + BASE;
	}

	/** The confirmation step before a folder is deleted; it says how many templates will move to "Unfiled". */
	@GetMapping("/folders/{id}/delete")
	String confirmDeleteFolder(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, Model model) {
		model.addAttribute("folder", this.folders.get(id, me));
		model.addAttribute("size", this.folders.size(id));
		return "templates/folderDelete";
	}

	@PostMapping("/folders/{id}/delete")
	String deleteFolder(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			String name = this.folders.get(id, me).name();
			int moved = this.folders.delete(id, me);
			redirect.addFlashAttribute("message", "Folder \"" + name + "\" deleted. " + moved
					+ (moved == 1 ? " template" : " templates") + " moved to " + TemplateFolders.UNFILED + ".");
		}
		catch (TemplateAccessDeniedException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:" + BASE;
	}

	/**
	 * Preview: pick a record of a type, then a template for it (the same picker and script that compose uses);
	 * without JavaScript the chosen template is rendered here on the server.
	 */
	@GetMapping("/preview")
	String preview(@AuthenticationPrincipal CurrentUser me, @RequestParam(defaultValue = "CONTACT") String type,
			@RequestParam(required = false) UUID recordId, @RequestParam(required = false) UUID template,
			Model model) {
		TemplateRecordType recordType = TemplateRecordType.parse(type);
		if (template != null) {
			TemplateView chosen = this.templates.get(template, me);
			if (chosen.recordType() != recordType) {
				return "redirect:" + BASE + "/preview?type=" + chosen.recordType() + "&template=" + template;
			}
		}
		model.addAttribute("type", recordType);
		model.addAttribute("types", TemplateRecordType.values());
		model.addAttribute("recordId", recordId);
		model.addAttribute("selectedTemplateId", template);
		model.addAttribute("records", records(recordType, me));
		if (recordId != null && template != null) {
			try {
				model.addAttribute("rendered", this.renderer.render(template, recordType, recordId, me));
			}
			catch (RecordNotFoundException ex) {
				model.addAttribute("error", "That " + recordType.label().toLowerCase(java.util.Locale.ROOT)
						+ " does not exist or you cannot see it.");
				model.addAttribute("recordId", null);
			}
		}
		return "templates/templatePreview";
	}

	private List<RecordOption> records(TemplateRecordType type, CurrentUser me) {
		Viewer viewer = Viewer.of(me);
		return switch (type) {
			case CONTACT -> this.contacts.options(viewer)
				.stream()
				.map(c -> new RecordOption(c.id(),
						c.fullName() + (c.company() == null ? "" : " (" + c.company() + ")")))
				.toList();
			case DEAL -> this.deals.options(viewer).stream().map(d -> new RecordOption(d.id(), d.title())).toList();
			case ACTIVITY -> this.activities.search("", null, viewer, PageRequest.of(0, 500, Sort.by("title")))
				.stream()
				.map(a -> new RecordOption(a.id(), a.title()))
				.toList();
		};
	}

	private String form(Model model, CurrentUser me, TemplateForm form, UUID id, boolean editable,
			InvalidTemplateException error) {
		model.addAttribute("form", form);
		model.addAttribute("templateId", id);
		model.addAttribute("editable", editable);
		model.addAttribute("folders", this.folders.all(me));
		model.addAttribute("types", TemplateRecordType.values());
		Map<TemplateRecordType, Map<String, List<TemplateAttribute>>> attributes = new LinkedHashMap<>();
		for (TemplateRecordType type : TemplateRecordType.values()) {
			Map<String, List<TemplateAttribute>> byGroup = new LinkedHashMap<>();
			for (TemplateAttribute attribute : TemplateAttributes.forType(type)) {
				byGroup.computeIfAbsent(attribute.group(), g -> new ArrayList<>()).add(attribute);
			}
			attributes.put(type, byGroup);
		}
		model.addAttribute("attributes", attributes);
		if (error != null) {
			model.addAttribute("error", "The template was not saved. " + error.getMessage());
			model.addAttribute("errorField", error.field());
		}
		return "templates/templateForm";
	}

}
