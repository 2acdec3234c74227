package com.mailtrail.crm.contact;

import java.util.UUID;

import com.mailtrail.crm.InvalidRecordException;
import com.mailtrail.crm.RecordPage;
import com.mailtrail.crm.Viewer;
import com.mailtrail.crm.activity.ActivityService;
import com.mailtrail.crm.deal.DealService;
import com.mailtrail.mail.EmailTimeline;
import com.mailtrail.mail.RecordType;
import com.mailtrail.security.CurrentUser;
import com.mailtrail.security.UserDirectory;
import jakarta.validation.Valid;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/contacts")
class ContactController {

	static final String VIEW_LIST = "crm/contact/contactList";

	static final String VIEW_FORM = "crm/contact/contactForm";

	static final String VIEW_DETAILS = "crm/contact/contactDetails";

	private final ContactService contacts;

	private final DealService deals;

	private final ActivityService activities;

	private final UserDirectory users;

	private final EmailTimeline emailTimeline;

	ContactController(ContactService contacts, DealService deals, ActivityService activities, UserDirectory users,
			EmailTimeline emailTimeline) {
		this.contacts = contacts;
		this.deals = deals;
		this.activities = activities;
		this.users = users;
		this.emailTimeline = emailTimeline;
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser me, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		var result = this.contacts.search(q, Viewer.of(me),
				PageRequest.of(RecordPage.pageIndex(page), RecordPage.SIZE, Sort.by("lastName", "firstName")));
		model.addAttribute("page", RecordPage.of(result, q));
		model.addAttribute("owners", this.users.byIds(result.map(ContactView::ownerId).toSet()));
		return VIEW_LIST;
	}

	@GetMapping("/new")
	String newContact(@AuthenticationPrincipal CurrentUser me, Model model) {
		ContactForm form = new ContactForm();
		form.setOwnerId(me.userId());
		return form(model, form, null);
	}

	@PostMapping("/new")
	String create(@AuthenticationPrincipal CurrentUser me, @Valid @ModelAttribute("form") ContactForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return form(model, form, null);
		}
		try {
			UUID id = this.contacts.create(form.toData());
			redirect.addFlashAttribute("message", "Contact created.");
			return "redirect:/contacts/" + id;
		}
		catch (InvalidRecordException ex) {
			result.rejectValue(ex.field(), "invalid", ex.getMessage());
			return form(model, form, null);
		}
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, Model model) {
		Viewer viewer = Viewer.of(me);
		ContactView contact = this.contacts.get(id, viewer);
		model.addAttribute("contact", contact);
		model.addAttribute("deals", this.deals.forContact(id, viewer));
		model.addAttribute("activities", this.activities.forContact(id, viewer));
		model.addAttribute("people", this.users.byIds(RecordPage.peopleOf(contact.ownerId(), contact.followerIds())));
		model.addAttribute("emails", this.emailTimeline.of(RecordType.CONTACT, id, me.userId()));
		return VIEW_DETAILS;
	}

	@GetMapping("/{id}/edit")
	String edit(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, Model model) {
		return form(model, ContactForm.of(this.contacts.get(id, Viewer.of(me))), id);
	}

	@PostMapping("/{id}/edit")
	String update(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@Valid @ModelAttribute("form") ContactForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return form(model, form, id);
		}
		try {
			this.contacts.update(id, form.toData(), Viewer.of(me));
		}
		catch (InvalidRecordException ex) {
			result.rejectValue(ex.field(), "invalid", ex.getMessage());
			return form(model, form, id);
		}
		redirect.addFlashAttribute("message", "Contact saved.");
		return "redirect:/contacts/" + id;
	}

	@PostMapping("/{id}/delete")
	String delete(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		this.contacts.delete(id, Viewer.of(me));
		redirect.addFlashAttribute("message", "Contact deleted.");
		return "redirect:/contacts";
	}

	private String form(Model model, ContactForm form, UUID id) {
		model.addAttribute("form", form);
		model.addAttribute("contactId", id);
		model.addAttribute("users", this.users.active());
		return VIEW_FORM;
	}

}
