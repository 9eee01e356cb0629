using System.Net.Http.Json;
using Vouch.Auth;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Pages;

public sealed class ListPagesTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_accounts_page_pages_through_a_search()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var tag = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 30; i++)
        {
            (await manager.PostAsJsonAsync("/api/v1/accounts", new { name = $"Pager {tag} {i:00}" }, Ct)).EnsureSuccessStatusCode();
        }

        var second = await manager.GetStringAsync($"/accounts?q={tag}&page=2", Ct);

        Assert.Contains("30 found · page 2 of 2", second, StringComparison.Ordinal);
        Assert.Contains($"Pager {tag} 29", second, StringComparison.Ordinal);
        Assert.DoesNotContain($"Pager {tag} 24", second, StringComparison.Ordinal);
    }
}
