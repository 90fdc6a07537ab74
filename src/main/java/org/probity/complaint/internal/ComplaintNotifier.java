package org.probity.complaint.internal;

import java.time.Instant;
import java.util.Locale;
import org.probity.common.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Notices to the complainant (acknowledgement, extension, outcome, appeal, closure). Every notice
 * is recorded on the case with its time and shown on the portal to the holder of the receipt code;
 * when the complainant gave an e-mail address and SMTP is configured ({@code spring.mail.host}),
 * it is also e-mailed, after the transaction commits (a rolled-back step sends nothing).
 */
@Component
class ComplaintNotifier {

  private static final Logger log = LoggerFactory.getLogger(ComplaintNotifier.class);

  private final ComplaintStore store;
  private final PersonalDataCipher cipher;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final MessageSource messages;
  private final ComplaintProperties properties;

  ComplaintNotifier(
      ComplaintStore store, PersonalDataCipher cipher, ObjectProvider<JavaMailSender> mailSender, MessageSource messages,
      ComplaintProperties properties) {
    this.store = store;
    this.cipher = cipher;
    this.mailSender = mailSender;
    this.messages = messages;
    this.properties = properties;
  }

  String text(String key, Object... args) {
    return messages.getMessage(key, args, Locale.ENGLISH);
  }

  void notify(String reference, String kind, String text) {
    String email = cipher.decrypt(store.complainant(reference).emailEnc(), ComplaintService.CONTEXT_EMAIL);
    JavaMailSender sender = mailSender.getIfAvailable();
    Instant now = Instant.now();
    if (email == null || sender == null) {
      store.insertNotice(reference, kind, "portal", now, text, true);
      return;
    }
    String noticeId = store.insertNotice(reference, kind, "e-mail", now, text, false);
    SimpleMailMessage mail = new SimpleMailMessage();
    mail.setFrom(properties.mailFrom());
    mail.setTo(email);
    mail.setSubject(text("complaint.mail.subject", reference));
    mail.setText(text);
    Runnable send =
        () -> {
          try {
            sender.send(mail);
            store.markNoticeDelivered(noticeId);
          } catch (MailException | org.springframework.dao.DataAccessException e) {
            // the notice stays recorded (and on the portal) as not delivered by e-mail
            log.warn("Notice {} of {} not e-mailed: {}", kind, reference, e.getMessage());
          }
        };
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              send.run();
            }
          });
    } else {
      send.run();
    }
  }
}
