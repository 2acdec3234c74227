package com.mailtrail.templates;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface TemplateFolderRepository extends Repository<TemplateFolder, UUID> {

	TemplateFolder save(TemplateFolder folder);

	void delete(TemplateFolder folder);

	Optional<TemplateFolder> findById(UUID id);

	List<TemplateFolder> findAllByOrderByNameAsc();

	@Query("select count(f) > 0 from TemplateFolder f where lower(f.name) = lower(:name) and f.id <> :except")
	boolean existsNamed(String name, UUID except);

}
