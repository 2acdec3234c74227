package com.mailtrail;

import java.util.Set;

import com.mailtrail.tenancy.Tenant;
import com.mailtrail.tenancy.TenantContext;
import com.mailtrail.tenancy.TenantScopedEntity;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

/** The rules that keep tenancy and the layout honest; each failure names the class that broke it. */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.mailtrail");

	/** Tables that are deliberately not tenant-scoped, named in one place. */
	private static final Set<Class<?>> TENANT_AGNOSTIC_ENTITIES = Set.of(Tenant.class);

	@Test
	void everyEntityIsTenantScopedUnlessDeliberatelyAgnostic() {
		ArchRule rule = classes().that()
			.areAnnotatedWith(Entity.class)
			.and()
			.doNotBelongToAnyOf(TENANT_AGNOSTIC_ENTITIES.toArray(Class<?>[]::new))
			.should()
			.beAssignableTo(TenantScopedEntity.class);
		rule.check(CLASSES);
	}

	@Test
	void sqlOutsideHibernateLivesOnlyInQueryClasses() {
		ArchRule rule = noClasses().that()
			.haveSimpleNameNotEndingWith("Queries")
			.and()
			.resideOutsideOfPackage("com.mailtrail.platform..")
			.should()
			.dependOnClassesThat()
			.areAssignableTo(JdbcTemplate.class)
			.orShould()
			.dependOnClassesThat()
			.areAssignableTo(JdbcClient.class)
			.because("Hibernate's tenant filter does not apply to plain SQL: such queries take the tenant explicitly "
					+ "and are reviewed as *Queries classes");
		rule.check(CLASSES);
	}

	@Test
	void tenantIsBoundOnlyAtTheEntryPoints() {
		ArchRule rule = noClasses().that()
			.doNotHaveSimpleName("TenantBindingFilter")
			.and()
			.doNotHaveSimpleName("UserAdministration")
			.and()
			.doNotHaveSimpleName("AuthApiController")
			.and()
			.doNotHaveSimpleName("DemoDataLoader")
			.and()
			.haveSimpleNameNotEndingWith("Job")
			.and()
			.resideOutsideOfPackage("com.mailtrail.tenancy..")
			.should()
			.callMethod(TenantContext.class, "runAs", com.mailtrail.tenancy.TenantId.class, Runnable.class)
			.orShould()
			.callMethod(TenantContext.class, "callAs", com.mailtrail.tenancy.TenantId.class,
					java.util.function.Supplier.class);
		rule.check(CLASSES);
	}

	@Test
	void noFieldInjection() {
		noFields().should().beAnnotatedWith(Autowired.class).check(CLASSES);
	}

	@Test
	void controllersAreNotPublic() {
		classes().that()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(RestController.class)
			.should()
			.notBePublic()
			.check(CLASSES);
	}

}
