import nodemailer from 'nodemailer'

export type MailMessage = { to: string; subject: string; text: string; attachments?: MailAttachment[] }
export type MailAttachment = { filename: string; content: string | Buffer; contentType?: string }

/** Sends one message; absent when no SMTP server is configured (mail then stays in the outbox). */
export type Mailer = { send(from: string, msg: MailMessage): Promise<void>; close(): void }

export const createSmtpMailer = (smtpUrl: string): Mailer => {
  const transport = nodemailer.createTransport(smtpUrl)
  return {
    async send(from, msg) {
      await transport.sendMail({
        from,
        to: msg.to,
        subject: msg.subject,
        text: msg.text,
        attachments: msg.attachments,
      })
    },
    close: () => transport.close(),
  }
}
