package com.mailtrail.tenancy;

import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.MDC;

/**
 * The tenant bound to the current thread. It can only be bound for the duration of a call ({@link #runAs},
 * {@link #callAs}), so it is always cleared again, even when the call throws.
 * <p>
 * Hibernate opens its session with the tenant bound at the start of a transaction: bind first, then start the
 * transaction.
 */
public final class TenantContext {

	private static final ThreadLocal<TenantId> CURRENT = new ThreadLocal<>();

	private TenantContext() {
	}

	public static Optional<TenantId> current() {
		return Optional.ofNullable(CURRENT.get());
	}

	public static TenantId required() {
		TenantId tenant = CURRENT.get();
		if (tenant == null) {
			throw new TenantNotBoundException();
		}
		return tenant;
	}

	public static void runAs(TenantId tenant, Runnable action) {
		callAs(tenant, () -> {
			action.run();
			return null;
		});
	}

	public static <T> T callAs(TenantId tenant, Supplier<T> action) {
		TenantId previous = CURRENT.get();
		CURRENT.set(tenant);
		MDC.put("tenant", tenant.toString());
		try {
			return action.get();
		}
		finally {
			if (previous == null) {
				CURRENT.remove();
				MDC.remove("tenant");
			}
			else {
				CURRENT.set(previous);
				MDC.put("tenant", previous.toString());
			}
		}
	}

}
