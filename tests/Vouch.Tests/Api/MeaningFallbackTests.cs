using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Features.Meaning;
using Vouch.Features.Health;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

/// <summary>The app without its sentence model, as on a machine where it cannot load.</summary>
public sealed class WithoutMeaningApp : VouchApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Meaning:Enabled", "false");
    }
}

public sealed class MeaningFallbackTests(WithoutMeaningApp app) : IClassFixture<WithoutMeaningApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_the_sentence_model_the_app_serves_and_health_says_why_once_it_was_needed()
    {
        using var client = app.AnonymousClient();
        var before = (await client.GetFromJsonAsync<HealthResponse>("/health", Ct))!;
        app.Services.GetRequiredService<TextEmbedder>().Embed("Dark mode", Ct);

        using var response = await client.GetAsync("/health", Ct);
        var after = (await response.Content.ReadFromJsonAsync<HealthResponse>(Ct))!;

        Assert.Equal(("Healthy", "Healthy"), (before.Status, before.Checks["meaning"].Status));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("Degraded", "Degraded", "Healthy"), (after.Status, after.Checks["meaning"].Status, after.Checks["database"].Status));
        Assert.Contains("compared by its words only", after.Checks["meaning"].Description, StringComparison.Ordinal);
    }
}
