package io.cairn.core.alert;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

import static java.util.Objects.requireNonNull;

/** E-mail over SMTP: the subject carries the summary, the plain-text body the run and the failed tasks. */
public final class EmailChannel implements AlertChannel {
    private final SmtpSettings settings;
    private final Session session;

    public EmailChannel(SmtpSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
        Properties properties = new Properties();
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", String.valueOf(settings.port()));
        properties.put("mail.smtp.auth", String.valueOf(settings.user() != null));
        properties.put("mail.smtp.starttls.enable", String.valueOf(settings.startTls()));
        properties.put("mail.smtp.starttls.required", String.valueOf(settings.startTls()));
        String millis = String.valueOf(settings.timeout().toMillis());
        properties.put("mail.smtp.connectiontimeout", millis);
        properties.put("mail.smtp.timeout", millis);
        properties.put("mail.smtp.writetimeout", millis);
        this.session = Session.getInstance(properties);
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public void send(Alert alert) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(settings.from()));
            for (String to : settings.to()) {
                message.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
            }
            message.setSubject("[cairn] " + alert.title(), StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(alert.at()));
            message.setHeader("X-Cairn-Alert-Key", alert.key());
            message.setText(body(alert), StandardCharsets.UTF_8.name());
            if (settings.user() == null) {
                Transport.send(message);
            } else {
                Transport.send(message, settings.user(), settings.password());
            }
        } catch (MessagingException e) {
            throw new CairnException(ErrorCode.IO, e, "Cannot send e-mail alert %s via %s:%d: %s", alert.key(),
                    settings.host(), settings.port(), e.getMessage());
        }
    }

    private static String body(Alert alert) {
        StringBuilder body = new StringBuilder(alert.title()).append("\n\n")
                .append("pipeline: ").append(alert.pipeline()).append('\n')
                .append("run: ").append(alert.runId()).append('\n');
        if (alert.tenant() != null) {
            body.append("tenant: ").append(alert.tenant().value()).append('\n');
        }
        body.append("at: ").append(alert.at()).append('\n');
        if (!alert.details().isEmpty()) {
            body.append("\nfailed tasks:\n");
            alert.details().forEach(line -> body.append("  ").append(line).append('\n'));
        }
        return body.toString();
    }

    @Override
    public String toString() {
        return "EmailChannel[" + settings + "]";
    }
}
