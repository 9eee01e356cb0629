using MailKit.Net.Smtp;
using MimeKit;

namespace Vouch.Features.Email;

/// <summary>Where a round of emails goes: one connection (or folder) for the round, given back when disposed.</summary>
public interface IEmailTransport : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>An SMTP server, connected on the first email of the round and left at its end.</summary>
public sealed class SmtpTransport(EmailSettings settings) : IEmailTransport
{
    /// <summary>Well under the claim on an email, so a slow server cannot make two instances send the same email.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly SmtpClient _client = new() { Timeout = (int)Timeout.TotalMilliseconds };

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        if (!_client.IsConnected)
        {
            await _client.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, settings.SocketOptions, ct);
            if (!string.IsNullOrEmpty(settings.SmtpUserName))
            {
                await _client.AuthenticateAsync(settings.SmtpUserName, settings.SmtpPassword ?? "", ct);
            }
        }
        await _client.SendAsync(message, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync(quit: true);
            }
            catch (Exception e) when (e is IOException or MailKit.ProtocolException or SmtpCommandException)
            {
                // The emails are sent; a server that hangs up first is no failure.
            }
        }
        _client.Dispose();
    }
}

/// <summary>
/// A folder that receives each email as an <c>.eml</c> file named after it, for development and for mail servers that
/// pick up files. The file is written under a temporary name and then renamed, so a reader never sees half an email.
/// </summary>
public sealed class PickupFolderTransport(EmailSettings settings) : IEmailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var folder = settings.PickupFolder!;
        Directory.CreateDirectory(folder);
        var name = message.MessageId!.Split('@')[0];
        var temporary = Path.Combine(folder, name + ".tmp");
        await using (var file = File.Create(temporary))
        {
            await message.WriteToAsync(file, ct);
        }
        File.Move(temporary, Path.Combine(folder, name + ".eml"), overwrite: true);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
