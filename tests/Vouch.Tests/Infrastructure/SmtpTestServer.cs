using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Vouch.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on a free port of 127.0.0.1: Debian's python3-aiosmtpd, storing what it receives in a maildir.
/// It can be started late (a server that is down) and stopped early. Without python3-aiosmtpd the test fails saying so.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    /// <summary>Debian's Python, which the python3-aiosmtpd package installs into.</summary>
    private const string Python = "/usr/bin/python3";

    private readonly string _directory = Directory.CreateTempSubdirectory("vouch-smtp-").FullName;
    private Process? _process;

    public int Port { get; } = FreePort();

    public async Task StartAsync()
    {
        if (!File.Exists(Python) || (await ProcessRunner.RunAsync(Python, ["-c", "import aiosmtpd"])).ExitCode != 0)
        {
            throw new InvalidOperationException(
                "The email tests need a real SMTP server: install Debian's python3-aiosmtpd (apt-get install python3-aiosmtpd; .ci/run does).");
        }
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Path.Combine(_directory, "mail") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start)!;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    /// <summary>Every message received so far, with its envelope recipients (aiosmtpd adds <c>X-RcptTo</c>).</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var folder = Path.Combine(_directory, "mail", "new");
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder).Select(f => MimeMessage.Load(f))] : [];
    }

    /// <summary>The messages whose envelope went to <paramref name="address"/>.</summary>
    public IReadOnlyList<MimeMessage> MessagesTo(string address) =>
        [.. Messages().Where(m => m.Headers["X-RcptTo"]?.Split(',').Select(a => a.Trim()).Contains(address, StringComparer.OrdinalIgnoreCase) == true)];

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
