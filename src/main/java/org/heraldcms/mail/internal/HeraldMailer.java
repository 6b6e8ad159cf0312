package org.heraldcms.mail.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.heraldcms.mail.Mail;
import org.heraldcms.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

@Component
class HeraldMailer implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(HeraldMailer.class);
    private static final int KEPT = 100;

    private final JavaMailSender smtp;
    private final String from;
    private final Deque<Mail> recent = new ArrayDeque<>();

    HeraldMailer(ObjectProvider<JavaMailSender> smtp, @Value("${herald.mail.from:herald@localhost}") String from) {
        this.smtp = smtp.getIfAvailable();
        this.from = from;
    }

    @Override
    public void send(Mail mail) {
        if (smtp == null) {
            log.info("Mail (log only: set spring.mail.host to send) to {}: {}\n{}", mail.to(), mail.subject(), mail.text());
        } else {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(mail.to());
            message.setSubject(mail.subject());
            message.setText(mail.text());
            smtp.send(message);
        }
        synchronized (recent) {
            recent.addLast(mail);
            while (recent.size() > KEPT) {
                recent.removeFirst();
            }
        }
    }

    @Override
    public List<Mail> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }
}
