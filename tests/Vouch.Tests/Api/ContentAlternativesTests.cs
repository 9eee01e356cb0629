using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Catalog;
using Vouch.Features.Content;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

/// <summary>When no advocate fits a request, the matches offer the approved content that does.</summary>
public sealed class ContentAlternativesTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Few_candidates_bring_approved_usable_content_about_the_requests_industry()
    {
        var banking = Industry.Standard("Banking").Id;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var expected = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var bank = new Account { Name = "Nordbank", IndustryId = banking };
            var shop = new Account { Name = "Shopco", IndustryId = Industry.Standard("Retail").Id };
            ContentAsset Asset(string title, Account account, ApprovalState state, DateOnly? until = null, int uses = 0, int? limit = null) =>
                new() { Title = title, AccountId = account.Id, Kind = ContentKind.CaseStudy, State = state, ApprovedUntil = until, UseCount = uses, UseLimit = limit, Link = "https://example.com/story" };
            var fits = Asset("Nordbank cuts close to four days", bank, ApprovalState.Approved, today.AddDays(30));
            db.AddRange(bank, shop, fits,
                Asset("Draft about Nordbank", bank, ApprovalState.Draft),
                Asset("Expired Nordbank story", bank, ApprovalState.Approved, today.AddDays(-1)),
                Asset("Used up Nordbank quote", bank, ApprovalState.Approved, uses: 3, limit: 3),
                Asset("Shopco story", shop, ApprovalState.Approved));
            await db.SaveChangesAsync(Ct);
            return fits.Id;
        });
        using var seller = await app.ClientForAsync(Roles.Seller);
        using var created = await seller.PostAsJsonAsync("/api/v1/requests",
            new { activityType = "reference-call", neededBy = today.AddDays(30), criteria = new { industryId = banking } }, Ct);
        var request = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);

        var matches = await seller.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{request.GetProperty("id").GetGuid()}/matches", Ct);

        Assert.Empty(matches.GetProperty("candidates").EnumerateArray());
        var alternative = Assert.Single(matches.GetProperty("alternatives").EnumerateArray());
        Assert.Equal((expected, "Nordbank cuts close to four days", $"/content/{expected}"),
            (alternative.GetProperty("id").GetGuid(), alternative.GetProperty("title").GetString(), alternative.GetProperty("link").GetString()));
    }
}
