using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Data;
using Vouch.Features.Executives;
using Vouch.Seeding;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Pages;

/// <summary>The demo shows the executive program and delivery's hold at once.</summary>
public sealed class DemoExecutivesTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_has_executives_behind_and_on_track_themes_and_a_red_account_whose_advocates_matching_holds()
    {
        var (sellerId, managerId) = await app.WithScopeAsync(async services =>
        {
            Assert.True(await ActivatorUtilities.CreateInstance<DemoData>(services).SeedAsync(Ct));
            var db = services.GetRequiredService<VouchDbContext>();
            return (await db.Users.Where(u => u.Email == "seller@vouch.demo").Select(u => u.Id).SingleAsync(Ct),
                await db.Users.Where(u => u.Email == "manager@vouch.demo").Select(u => u.Id).SingleAsync(Ct));
        });
        using var seller = app.ClientWithToken(await app.CreateTokenAsync(sellerId));
        using var manager = app.ClientWithToken(await app.CreateTokenAsync(managerId));

        var progress = (await manager.GetFromJsonAsync<List<ExecutiveProgressResponse>>("/api/v1/executives/progress", Ct))!;
        Assert.Equal(["Eve Executive", "Fiona Finance", "Theo Technology"], progress.Select(p => p.Executive));
        Assert.Equal([false, false], progress.Take(2).Select(p => p.Behind));
        Assert.Equal(40, progress[2].Target);
        Assert.True(progress[2].Behind || progress[2].OnTrackLine == 0);
        Assert.NotEmpty((await manager.GetFromJsonAsync<List<ThemeResponse>>("/api/v1/executives/themes", Ct))!);

        var requests = await seller.GetFromJsonAsync<JsonElement>("/api/v1/requests?view=mine", Ct);
        var open = requests.GetProperty("items").EnumerateArray().First(r => r.GetProperty("status").GetString() == "Submitted").GetProperty("id").GetGuid();
        var matches = await seller.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{open}/matches", Ct);
        Assert.Contains(matches.GetProperty("excluded").EnumerateArray(), e => e.GetProperty("reasons").EnumerateArray()
            .Any(r => r.GetString()!.StartsWith("account health is red at the review on ", StringComparison.Ordinal)));
        Assert.Contains(matches.GetProperty("excluded").EnumerateArray(), e => e.GetProperty("reasons").EnumerateArray()
            .Any(r => r.GetString()!.StartsWith("open escalation: Data migration stalled for three weeks", StringComparison.Ordinal)));
        Assert.Contains(matches.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("reasons").EnumerateArray()
            .Any(r => r.GetString()!.StartsWith("delivery excels: propose a case study at the review on ", StringComparison.Ordinal)));
    }
}
