package com.mailtrail.crm.activity;

import java.util.List;
import java.util.UUID;

import com.mailtrail.crm.InvalidRecordException;
import com.mailtrail.crm.RecordPage;
import com.mailtrail.crm.Viewer;
import com.mailtrail.crm.contact.ContactService;
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
@RequestMapping("/activities")
class ActivityController {

	static final String VIEW_LIST = "crm/activity/activityList";

	static final String VIEW_FORM = "crm/activity/activityForm";

	static final String VIEW_DETAILS = "crm/activity/activityDetails";

	private final ActivityService activities;

	private final ContactService contacts;

	private final DealService deals;

	private final UserDirectory users;

	private final EmailTimeline emailTimeline;

	ActivityController(ActivityService activities, ContactService contacts, DealService deals, UserDirectory users,
			EmailTimeline emailTimeline) {
		this.activities = activities;
		this.contacts = contacts;
		this.deals = deals;
		this.users = users;
		this.emailTimeline = emailTimeline;
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser me, @RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) Boolean done, @RequestParam(defaultValue = "0") int page, Model model) {
		var result = this.activities.search(q, done, Viewer.of(me), PageRequest.of(RecordPage.pageIndex(page),
				RecordPage.SIZE, Sort.by(Sort.Order.asc("done"), Sort.Order.asc("dueDate").nullsLast())));
		model.addAttribute("page", RecordPage.of(result, q));
		model.addAttribute("done", done);
		model.addAttribute("owners", this.users.byIds(result.map(ActivityView::ownerId).toSet()));
		return VIEW_LIST;
	}

	@GetMapping("/new")
	String newActivity(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) UUID contactId,
			@RequestParam(required = false) UUID dealId, Model model) {
		ActivityForm form = new ActivityForm();
		form.setOwnerId(me.userId());
		form.setContactId(contactId);
		form.setDealId(dealId);
		return form(me, model, form, null);
	}

	@PostMapping("/new")
	String create(@AuthenticationPrincipal CurrentUser me, @Valid @ModelAttribute("form") ActivityForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return form(me, model, form, null);
		}
		try {
			UUID id = this.activities.create(form.toData(), Viewer.of(me));
			redirect.addFlashAttribute("message", "Activity created.");
			return "redirect:/activities/" + id;
		}
		catch (InvalidRecordException ex) {
			result.rejectValue(ex.field(), "invalid", ex.getMessage());
			return form(me, model, form, null);
		}
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, Model model) {
		Viewer viewer = Viewer.of(me);
		ActivityView activity = this.activities.get(id, viewer);
		model.addAttribute("activity", activity);
		model.addAttribute("contact", activity.contactId() == null ? null
				: this.contacts.visibleByIds(List.of(activity.contactId()), viewer).stream().findFirst().orElse(null));
		model.addAttribute("deal", activity.dealId() == null ? null : this.deals.find(activity.dealId(), viewer).orElse(null));
		model.addAttribute("people", this.users.byIds(RecordPage.peopleOf(activity.ownerId(), activity.followerIds())));
		model.addAttribute("emails", this.emailTimeline.of(RecordType.ACTIVITY, id, me.userId()));
		return VIEW_DETAILS;
	}

	@GetMapping("/{id}/edit")
	String edit(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, Model model) {
		return form(me, model, ActivityForm.of(this.activities.get(id, Viewer.of(me))), id);
	}

	@PostMapping("/{id}/edit")
	String update(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@Valid @ModelAttribute("form") ActivityForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return form(me, model, form, id);
		}
		try {
			this.activities.update(id, form.toData(), Viewer.of(me));
		}
		catch (InvalidRecordException ex) {
			result.rejectValue(ex.field(), "invalid", ex.getMessage());
			return form(me, model, form, id);
		}
		redirect.addFlashAttribute("message", "Activity saved.");
		return "redirect:/activities/" + id;
	}

	@PostMapping("/{id}/delete")
	String delete(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		this.activities.delete(id, Viewer.of(me));
		redirect.addFlashAttribute("message", "Activity deleted.");
		return "redirect:/activities";
	}

	private String form(CurrentUser me, Model model, ActivityForm form, UUID id) {
		Viewer viewer = Viewer.of(me);
		model.addAttribute("form", form);
		model.addAttribute("activityId", id);
		model.addAttribute("types", ActivityType.values());
		model.addAttribute("contactOptions", this.contacts.options(viewer));
		model.addAttribute("dealOptions", this.deals.options(viewer));
		model.addAttribute("users", this.users.active());
		return VIEW_FORM;
	}

}
