package com.mailtrail.crm;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface RecordVisibilitySettingRepository extends Repository<RecordVisibilitySetting, UUID> {

	RecordVisibilitySetting save(RecordVisibilitySetting setting);

	Optional<RecordVisibilitySetting> findByModule(CrmModule module);

	List<RecordVisibilitySetting> findAll();

}
