package com.mailtrail.platform;

import java.util.List;
import java.util.UUID;

import com.mailtrail.support.SharedEmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole schema comes from the migrations alone, on an empty database. */
class MigrationIntegrationTests {

	@Test
	void migrationsBuildTheSchemaFromAnEmptyDatabaseAndEveryTenantTableCarriesTheTenant() {
		String url = SharedEmbeddedPostgres.createDatabase("migrate_" + UUID.randomUUID().toString().replace("-", ""));
		var dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), url, "postgres", "");
		var result = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		assertThat(result.success).isTrue();
		assertThat(result.migrationsExecuted).isGreaterThan(5);

		List<String> tablesWithoutTenant = JdbcClient.create(dataSource).sql("""
				select t.table_name from information_schema.tables t
				where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
				  and not exists (select 1 from information_schema.columns c
				                  where c.table_schema = 'public' and c.table_name = t.table_name
				                    and c.column_name = 'tenant_id')
				order by 1
				""").query(String.class).list();
		assertThat(tablesWithoutTenant).as("tables deliberately shared by all tenants")
			.containsExactlyInAnyOrder("tenant", "flyway_schema_history", "spring_session",
					"spring_session_attributes", "login_throttle");
	}

}
