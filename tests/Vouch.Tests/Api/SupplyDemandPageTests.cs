using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Catalog;
using Vouch.Features.Requests;
using Vouch.Tests.Infrastructure;
using SupplyDemandPage = Vouch.Features.SupplyDemand.IndexModel;

namespace Vouch.Tests.Api;

/// <summary>The page at a scale where the table would be too long to read; its own database, as it adds many requests.</summary>
public sealed class SupplyDemandPageTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Guid s_referenceCall = StableId.For("activity-type:reference-call");

    [Fact]
    public async Task The_page_shows_the_hundred_largest_gaps_and_says_how_many_cells_there_are()
    {
        var seller = await app.AddUserAsync(Roles.Seller);
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            for (var i = 0; i < SupplyDemandPage.ShownRows + 5; i++)
            {
                var product = new Product { Key = $"cell-{i}-{Guid.NewGuid():N}", Name = $"Cell product {i} {Guid.NewGuid():N}" };
                db.Add(new ReferenceRequest
                {
                    RequesterId = seller.Id, ActivityTypeId = s_referenceCall, NeededBy = today.AddDays(30), Products = [product],
                    CreatedAt = DateTimeOffset.UtcNow.AddDays(-1),
                });
            }
            await db.SaveChangesAsync(Ct);
        });
        using var executive = await app.ClientForAsync(Roles.Executive);

        var html = await executive.GetStringAsync("/reports/supply-demand", Ct);

        var table = html[html.IndexOf("data-testid=\"cells\"", StringComparison.Ordinal)..html.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Equal(SupplyDemandPage.ShownRows, table.Split("<tr").Length - 2);
        Assert.Matches($"The {SupplyDemandPage.ShownRows} cells with the largest gaps of [0-9]+ are shown", html);
    }
}
