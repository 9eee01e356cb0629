using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Vouch.Auth;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

/// <summary>Limits the server enforces, so these run on Kestrel rather than the in-memory test server.</summary>
public sealed class RequestLimitsTests(VouchApp.OnKestrel app) : IClassFixture<VouchApp.OnKestrel>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_oversized_body_is_refused_with_413()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var huge = new string('x', (int)Vouch.Hosting.VouchHost.MaxRequestBodyBytes + 1);

        using var response = await manager.PostAsync("/api/v1/accounts",
            new StringContent(JsonSerializer.Serialize(new { name = huge }), Encoding.UTF8, "application/json"), Ct);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_two_gigabyte_import_is_refused_with_413_naming_the_imports_limit_before_its_body_is_read()
    {
        var admin = await app.AddUserAsync(Roles.Admin);
        var token = await app.CreateTokenAsync(admin.Id);
        var server = app.ClientOptions.BaseAddress;
        using var socket = new TcpClient();
        await socket.ConnectAsync(server.Host, server.Port, Ct);
        var stream = socket.GetStream();
        // The headers promise 2 GB; only the start of the form is sent, so an answer proves the rest was never awaited.
        var request = $"POST /api/v1/imports HTTP/1.1\r\nHost: {server.Authority}\r\nAuthorization: Bearer {token}\r\n" +
            $"Content-Type: multipart/form-data; boundary=b\r\nContent-Length: {2L * 1024 * 1024 * 1024}\r\n\r\n" +
            "--b\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\naccounts\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), Ct);

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var answer = await reader.ReadToEndAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.StartsWith("HTTP/1.1 413 ", answer, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", answer, StringComparison.Ordinal);
        Assert.Contains($"Request bodies are limited to {Vouch.Features.Import.ImportUploads.MaxRequestBytes:N0} bytes.", answer, StringComparison.Ordinal);
    }
}
