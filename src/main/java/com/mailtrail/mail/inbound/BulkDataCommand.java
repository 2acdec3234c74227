package com.mailtrail.mail.inbound;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.internal.server.Command;
import org.subethamail.smtp.internal.server.RequireAuthCommandWrapper;
import org.subethamail.smtp.internal.server.RequireTLSCommandWrapper;
import org.subethamail.smtp.internal.util.SMTPResponseHelper;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;

/**
 * SubEthaSMTP's {@code DATA} command with the message read by {@link DotTerminatedData} instead of its byte-by-byte
 * streams; replies, order of calls and the handler contract are those of SubEthaSMTP 7.2's {@code DataCommand}
 * (without its Received header, which the listener turns off and writes itself), except that a rejected message is
 * read to its end before the reply. It is registered on the listener's
 * own command handler only (see {@link #install}); that API lives in SubEthaSMTP's internal packages, so the version
 * is pinned and {@code BulkDataCommandTests} run the real listener through it.
 */
final class BulkDataCommand extends BaseCommand {

	/** The buffer size of SubEthaSMTP's session input, which a chunk must not exceed (see the data stream). */
	static final int CHUNK_SIZE = 8192;

	private BulkDataCommand() {
		super("DATA", "Following text is collected as the message.\nEnd data with <CR><LF>.<CR><LF>");
	}

	/** Replaces {@code DATA} of this server with the same checks (TLS and AUTH when required) as the built-in one. */
	static void install(SMTPServer server) {
		Command command = new RequireAuthCommandWrapper(new RequireTLSCommandWrapper(new BulkDataCommand()));
		server.getCommandHandler().addCommand(command);
	}

	@Override
	public void execute(String commandString, Session session) throws IOException, DropConnectionException {
		if (!session.isMailTransactionInProgress()) {
			session.sendResponse("503 5.5.1 Error: need MAIL command");
			return;
		}
		if (session.getRecipientCount() == 0) {
			session.sendResponse("503 Error: need RCPT command");
			return;
		}
		if (!(session.getRawInput() instanceof BufferedInputStream input)) {
			throw new IllegalStateException("SubEthaSMTP's session input is no longer a BufferedInputStream");
		}
		session.sendResponse("354 End data with <CR><LF>.<CR><LF>");
		InputStream data = new DotTerminatedData(input, CHUNK_SIZE);
		String reply;
		try {
			reply = session.getMessageHandler().data(data);
			// Whatever the handler left unread is still this message, not the next command.
			data.transferTo(OutputStream.nullOutputStream());
		}
		catch (DropConnectionException ex) {
			throw ex;
		}
		catch (RejectException ex) {
			// SubEthaSMTP answers at once here; the rest of a message rejected half-read would then run as commands.
			data.transferTo(OutputStream.nullOutputStream());
			session.sendResponse(ex.getErrorResponse());
			return;
		}
		session.sendResponse(reply != null ? SMTPResponseHelper.buildResponse("250", reply) : "250 Ok");
		session.resetMailTransaction();
	}

}
