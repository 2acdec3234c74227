package com.mailtrail.mail;

import java.util.UUID;

import com.mailtrail.tenancy.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "email_participant")
public class EmailParticipant extends TenantScopedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "email_id")
	private Email email;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ParticipantRole role;

	private String name;

	@Column(nullable = false)
	private String address;

	@Column(nullable = false)
	private boolean counterpart;

	@Column(nullable = false)
	private int position;

	protected EmailParticipant() {
	}

	EmailParticipant(Email email, ParticipantRole role, String name, String address, boolean counterpart,
			int position) {
		this.email = email;
		this.role = role;
		this.name = name;
		this.address = address;
		this.counterpart = counterpart;
		this.position = position;
	}

	public ParticipantRole getRole() {
		return this.role;
	}

	public String getName() {
		return this.name;
	}

	public String getAddress() {
		return this.address;
	}

	public boolean isCounterpart() {
		return this.counterpart;
	}

	public int getPosition() {
		return this.position;
	}

	/** "Pat Jones <pat@globex.example>", or the bare address. */
	public String display() {
		return (this.name == null || this.name.isBlank()) ? this.address : this.name + " <" + this.address + ">";
	}

}
