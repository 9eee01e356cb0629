using MailKit.Security;
using Vouch.Hosting;

namespace Vouch.Features.Email;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpSecurity { None, StartTls, SslOnConnect }

/// <summary>
/// Where notification emails go: an SMTP server (<c>Email:Smtp:*</c>) or, for development, a pickup folder
/// (<c>Email:PickupFolder</c>) that receives one <c>.eml</c> file per email. With neither, Vouch sends no email and
/// queues none. Links in emails point at <c>Vouch:PublicUrl</c>.
/// </summary>
public sealed record EmailSettings
{
    public const string DefaultFrom = "Vouch <vouch@localhost>";

    public string? SmtpHost { get; init; }
    public int SmtpPort { get; init; } = 587;
    public string? SmtpUserName { get; init; }
    public string? SmtpPassword { get; init; }
    public SmtpSecurity SmtpSecurity { get; init; } = SmtpSecurity.StartTls;
    public string From { get; init; } = DefaultFrom;
    public string? PickupFolder { get; init; }

    /// <summary>The address users reach Vouch at, e.g. <c>https://vouch.example.com</c>; links are built on it.</summary>
    public Uri? PublicUrl { get; init; }

    /// <summary>How often each instance looks for emails to send.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait after the first failure; it doubles with every further failure, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromHours(6);

    /// <summary>After this many failed attempts an email is given up as failed.</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>Sent emails are deleted after this long; failed ones are kept for the admin to see.</summary>
    public TimeSpan KeepSent { get; init; } = TimeSpan.FromDays(30);

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(SmtpHost);
    public bool UsesPickupFolder => !UsesSmtp && !string.IsNullOrWhiteSpace(PickupFolder);
    public bool IsConfigured => UsesSmtp || UsesPickupFolder;

    internal SecureSocketOptions SocketOptions => SmtpSecurity switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    /// <summary>Reads and checks the settings, so that a mistake is named at start-up rather than at the first email.</summary>
    public static EmailSettings FromConfiguration(IConfiguration configuration)
    {
        var email = configuration.GetSection("Email");
        var smtp = email.GetSection("Smtp");
        var settings = new EmailSettings
        {
            SmtpHost = smtp["Host"],
            SmtpPort = smtp.Read("Port", 587, int.Parse, p => p is > 0 and < 65536),
            SmtpUserName = smtp["UserName"],
            SmtpPassword = smtp["Password"],
            SmtpSecurity = smtp.Read<SmtpSecurity?>("Security", null, EnumText.ParseOrNull<SmtpSecurity>, s => s is not null) ?? SmtpSecurity.StartTls,
            From = string.IsNullOrWhiteSpace(smtp["From"]) ? DefaultFrom : smtp["From"]!,
            PickupFolder = string.IsNullOrWhiteSpace(email["PickupFolder"]) ? null : Path.GetFullPath(email["PickupFolder"]!),
            PublicUrl = configuration.GetSection("Vouch").Read<Uri?>("PublicUrl", null,
                text => new Uri(text, UriKind.Absolute), u => u!.Scheme is "http" or "https"),
            PollInterval = email.Read("PollInterval", TimeSpan.FromSeconds(10), TimeSpan.Parse, t => t > TimeSpan.Zero),
            RetryDelay = email.Read("RetryDelay", TimeSpan.FromMinutes(1), TimeSpan.Parse, t => t > TimeSpan.Zero),
            MaxRetryDelay = email.Read("MaxRetryDelay", TimeSpan.FromHours(6), TimeSpan.Parse, t => t > TimeSpan.Zero),
            MaxAttempts = email.Read("MaxAttempts", 8, int.Parse, n => n > 0),
            KeepSent = email.Read("KeepSent", TimeSpan.FromDays(30), TimeSpan.Parse, t => t > TimeSpan.Zero),
        };
        if (settings.IsConfigured && settings.PublicUrl is null)
        {
            throw new SettingsException(
                "Email is configured but Vouch:PublicUrl is not: set it to the address users open Vouch at, e.g. https://vouch.example.com.");
        }
        if (!MimeKit.MailboxAddress.TryParse(settings.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            throw new SettingsException($"Email:Smtp:From is '{settings.From}'; it must be an address like Vouch <vouch@example.com>.");
        }
        return settings;
    }
}
