package com.mailtrail.crm;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Per module: may every user of the company see its records, or only their owners and followers? */
@Service
public class RecordVisibility {

	private final RecordVisibilitySettingRepository settings;

	RecordVisibility(RecordVisibilitySettingRepository settings) {
		this.settings = settings;
	}

	@Transactional(readOnly = true)
	public VisibilityScope scopeOf(CrmModule module) {
		return this.settings.findByModule(module)
			.map(RecordVisibilitySetting::getScope)
			.orElse(VisibilityScope.EVERYONE);
	}

	/** Whether a user who neither owns nor follows a record of the module still sees it. */
	@Transactional(readOnly = true)
	public boolean everyoneSees(CrmModule module) {
		return scopeOf(module) == VisibilityScope.EVERYONE;
	}

	@Transactional(readOnly = true)
	public Map<CrmModule, VisibilityScope> all() {
		Map<CrmModule, VisibilityScope> scopes = new EnumMap<>(CrmModule.class);
		for (CrmModule module : CrmModule.values()) {
			scopes.put(module, VisibilityScope.EVERYONE);
		}
		this.settings.findAll().forEach(s -> scopes.put(s.getModule(), s.getScope()));
		return scopes;
	}

	@Transactional
	public void change(CrmModule module, VisibilityScope scope) {
		this.settings.findByModule(module)
			.ifPresentOrElse(s -> s.change(scope), () -> this.settings.save(new RecordVisibilitySetting(module, scope)));
	}

}
