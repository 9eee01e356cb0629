using System.Net;
using System.Net.Http.Json;
using Vouch.Auth;
using Vouch.Features.Value;
using Vouch.Data;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

/// <summary>The value model's settings: documented defaults, changes by the reference team, nonsense refused with nothing changed.</summary>
public sealed class ValueSettingsApiTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_settings_start_at_their_defaults_change_with_the_version_read_and_refuse_nonsense_naming_each_field()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var executive = await app.ClientForAsync(Roles.Executive);
        var defaults = (await executive.GetFromJsonAsync<ValueSettingsResponse>("/api/v1/value/settings", Ct))!;

        using var nonsense = await manager.PutAsJsonAsync("/api/v1/value/settings", new
        {
            discountRate = 2, horizonYears = -1, attribution = "WeightedByActivity",
            activityWeights = new Dictionary<string, decimal> { ["reference-call"] = 0.5m, ["karaoke"] = 0.2m }, version = defaults.Version,
        }, Ct);
        var afterNonsense = (await executive.GetFromJsonAsync<ValueSettingsResponse>("/api/v1/value/settings", Ct))!;
        using var saved = await manager.PutAsJsonAsync("/api/v1/value/settings", new
        {
            retentionRate = 0.9, attribution = "weightedByActivity", activityWeights = new Dictionary<string, decimal> { ["reference-call"] = 0.75m, ["speaking"] = 0.25m },
            version = defaults.Version,
        }, Ct);
        var changed = (await saved.Content.ReadFromJsonAsync<ValueSettingsResponse>(Ct))!;
        using var stale = await manager.PutAsJsonAsync("/api/v1/value/settings", new { retentionRate = 0.8, version = defaults.Version }, Ct);
        using var noVersion = await manager.PutAsJsonAsync("/api/v1/value/settings", new { retentionRate = 0.8 }, Ct);

        Assert.Equal((0.85m, 0.10m, 5, "EqualSplit", 50m, 0.40m), (defaults.RetentionRate, defaults.DiscountRate, defaults.HorizonYears, defaults.Attribution, defaults.AdvocacyCostPerHour, defaults.DefaultGrossMargin));
        Assert.Contains("event-attendance", defaults.WeightKeys);
        var errors = (await nonsense.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["activityWeights", "discountRate", "horizonYears"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("discountRate must be 0 or more and under 1 (0.10 is 10 %); 2 is 200 %.", errors.GetProperty("discountRate")[0].GetString());
        Assert.Equivalent(defaults, afterNonsense, strict: true);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal((0.9m, 0.10m, "WeightedByActivity"), (changed.RetentionRate, changed.DiscountRate, changed.Attribution));
        Assert.Equal(new Dictionary<string, decimal> { ["reference-call"] = 0.75m, ["speaking"] = 0.25m }, changed.ActivityWeights);
        Assert.NotEqual(defaults.Version, changed.Version);
        await stale.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal([Versioning.VersionRequired], await noVersion.AssertValidationProblemAsync("version"));
        Assert.Equivalent(changed, await executive.GetFromJsonAsync<ValueSettingsResponse>("/api/v1/value/settings", Ct), strict: true);
    }
}
