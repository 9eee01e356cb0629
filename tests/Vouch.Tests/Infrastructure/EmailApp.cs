using Microsoft.AspNetCore.Hosting;

namespace Vouch.Tests.Infrastructure;

/// <summary>
/// The app with email delivery configured: to a real SMTP server (<see cref="Smtp"/>) on 127.0.0.1, or to a pickup
/// folder. It sends every 100 ms and tries a failed email again 100 ms later.
/// </summary>
public class EmailApp : VouchApp
{
    public const string PublicUrl = "https://vouch.example.com/app";

    private readonly bool _startSmtp;
    private readonly int _maxAttempts;
    private readonly TimeSpan _pollInterval;

    protected EmailApp(bool startSmtp, int maxAttempts, TimeSpan pollInterval, bool pickupFolder = false)
    {
        (_startSmtp, _maxAttempts, _pollInterval) = (startSmtp, maxAttempts, pollInterval);
        PickupFolder = pickupFolder ? Directory.CreateTempSubdirectory("vouch-pickup-").FullName : null;
    }

    public EmailApp() : this(startSmtp: true, maxAttempts: 50, TimeSpan.FromMilliseconds(100))
    {
    }

    public SmtpTestServer Smtp { get; } = new();

    public string? PickupFolder { get; }

    public override async ValueTask InitializeAsync()
    {
        if (_startSmtp)
        {
            await Smtp.StartAsync();
        }
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Vouch:PublicUrl", PublicUrl);
        if (PickupFolder is not null)
        {
            builder.UseSetting("Email:PickupFolder", PickupFolder);
        }
        else
        {
            builder.UseSetting("Email:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Email:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Email:Smtp:Security", "None");
            builder.UseSetting("Email:Smtp:From", "Vouch <vouch@example.com>");
        }
        builder.UseSetting("Email:PollInterval", _pollInterval.ToString());
        builder.UseSetting("Email:RetryDelay", "00:00:00.1");
        builder.UseSetting("Email:MaxAttempts", _maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        if (PickupFolder is not null)
        {
            Directory.Delete(PickupFolder, recursive: true);
        }
    }

    /// <summary>The SMTP server is down until the test starts it.</summary>
    public sealed class SmtpDown() : EmailApp(startSmtp: false, maxAttempts: 1_000, TimeSpan.FromMilliseconds(100));

    /// <summary>The SMTP server stays down and an email is given up after two attempts.</summary>
    public sealed class GivingUp() : EmailApp(startSmtp: false, maxAttempts: 2, TimeSpan.FromMilliseconds(100));

    /// <summary>The app's own sender waits an hour between rounds: tests run senders themselves.</summary>
    public sealed class ManualSending() : EmailApp(startSmtp: true, maxAttempts: 50, TimeSpan.FromHours(1));

    /// <summary>Emails go into a folder as .eml files.</summary>
    public sealed class WithPickupFolder() : EmailApp(startSmtp: false, maxAttempts: 50, TimeSpan.FromMilliseconds(100), pickupFolder: true);
}
