using System.Net;
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
}
