using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vouch.Auth;
using Vouch.Features.Health;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

public sealed class PlatformTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_answers_200_when_the_database_is_reachable()
    {
        using var client = app.AnonymousClient();

        using var response = await client.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = (await response.Content.ReadFromJsonAsync<HealthResponse>(Ct))!;
        Assert.Equal(("Healthy", "Healthy"), (health.Status, health.Checks["database"].Status));
    }

    [Fact]
    public async Task Responses_carry_the_security_headers()
    {
        using var client = app.AnonymousClient();

        using var response = await client.GetAsync("/sign-in", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_api_endpoint()
    {
        using var client = await app.ClientForAsync(Roles.Seller);

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Ct)).RootElement;

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        foreach (var path in new[] { "/api/v1/accounts", "/api/v1/accounts/{id}", "/api/v1/contacts", "/api/v1/users", "/api/v1/tokens", "/api/v1/me", "/api/v1/audit" })
        {
            Assert.Contains(path, paths);
        }
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
    }
}
