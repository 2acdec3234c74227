package com.mailtrail.mail.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.subethamail.smtp.server.SSLSocketCreator;

/**
 * Turns the plain connection into TLS after {@code STARTTLS}. We do not use SubEthaSMTP's
 * {@code startTlsSocketFactory(SSLContext)}: it enables every protocol and cipher suite the JDK
 * supports (the JDK's defaults are the safe subset) and looks up the client's host name in
 * reverse DNS on every handshake.
 */
final class StartTlsSocketCreator implements SSLSocketCreator {

	private final SSLContext sslContext;

	StartTlsSocketCreator(SSLContext sslContext) {
		this.sslContext = sslContext;
	}

	static StartTlsSocketCreator fromKeyStore(InboundSmtpSettings.Tls tls) {
		char[] password = (tls.keyStorePassword() != null) ? tls.keyStorePassword().toCharArray() : new char[0];
		try (InputStream in = Files.newInputStream(Path.of(tls.keyStore()))) {
			KeyStore keyStore = KeyStore.getInstance(tls.keyStoreType());
			keyStore.load(in, password);
			KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keyManagers.init(keyStore, password);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keyManagers.getKeyManagers(), null, null);
			return new StartTlsSocketCreator(context);
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot load the SMTP TLS key store " + tls.keyStore(), ex);
		}
	}

	@Override
	public SSLSocket createSSLSocket(Socket socket) throws IOException {
		InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
		SSLSocket sslSocket = (SSLSocket) this.sslContext.getSocketFactory()
			.createSocket(socket, remote.getHostString(), socket.getPort(), true);
		sslSocket.setUseClientMode(false);
		return sslSocket;
	}

}
