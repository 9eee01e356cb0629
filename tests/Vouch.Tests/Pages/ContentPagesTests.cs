using System.Net;
using Vouch.Auth;
using Vouch.Tests.Infrastructure;
using static Vouch.Tests.Api.ContentTestData;

namespace Vouch.Tests.Pages;

public sealed class ContentPagesTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Sellers_see_approved_content_with_its_expiry_badge_and_not_drafts_and_titles_are_text()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var seller = await app.ClientForAsync(Roles.Seller);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var accountId = await AddAccountAsync(manager);
        var approved = await AddContentAsync(manager, new { title = $"<b>{tag}</b> approved", kind = "Video", accountId });
        await AddContentAsync(manager, new { title = $"{tag} draft", kind = "Quote", accountId });
        await ApproveAsync(manager, approved.Id, Today.AddDays(9));

        var library = await seller.GetStringAsync($"/content?q={tag}", Ct);
        var details = await seller.GetStringAsync($"/content/{approved.Id}", Ct);

        Assert.Contains("1 item", library, StringComparison.Ordinal);
        Assert.Contains($"&lt;b&gt;{tag}&lt;/b&gt; approved", library, StringComparison.Ordinal);
        Assert.DoesNotContain($"<b>{tag}</b>", library, StringComparison.Ordinal);
        Assert.DoesNotContain($"{tag} draft", library, StringComparison.Ordinal);
        Assert.Contains("expires in 9 days", library, StringComparison.Ordinal);
        Assert.DoesNotContain("Expiring in the next 30 days", library, StringComparison.Ordinal);
        Assert.Contains("Record a use", details, StringComparison.Ordinal);
        Assert.DoesNotContain("Change state", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Managers_get_the_expiring_view_drafts_and_the_approval_form()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var accountId = await AddAccountAsync(manager);
        var draft = await AddContentAsync(manager, new { title = $"{tag} draft", kind = "Quote", accountId });

        var library = await manager.GetStringAsync($"/content?q={tag}", Ct);
        var details = await manager.GetStringAsync($"/content/{draft.Id}", Ct);

        Assert.Contains("Expiring in the next 30 days", library, StringComparison.Ordinal);
        Assert.Contains($"{tag} draft", library, StringComparison.Ordinal);
        Assert.Contains("Change state", details, StringComparison.Ordinal);
        Assert.DoesNotContain("Record a use", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_seller_opening_a_draft_gets_404()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var seller = await app.ClientForAsync(Roles.Seller);
        var draft = await AddContentAsync(manager);

        using var response = await seller.GetAsync($"/content/{draft.Id}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
