using System.Net;
using System.Net.Http.Json;
using Vouch.Auth;
using Vouch.Features.Ideas;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Pages;

public sealed class IdeaPagesTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Html_in_an_idea_is_shown_as_text_on_the_board_and_its_page()
    {
        using var advocate = await app.ClientForAsync(Roles.Advocate);
        var tag = Guid.NewGuid().ToString("N")[..8];
        using var posted = await advocate.PostAsJsonAsync("/api/v1/ideas",
            new { title = $"<script>alert('{tag}')</script>", description = "<b>bold</b>\nsecond line" }, Ct);
        var idea = (await posted.Content.ReadFromJsonAsync<IdeaResponse>(Ct))!;

        var board = await advocate.GetStringAsync($"/ideas?q={tag}", Ct);
        var page = await advocate.GetStringAsync($"/ideas/{idea.Id}", Ct);

        Assert.Contains($"&lt;script&gt;alert(&#x27;{tag}&#x27;)&lt;/script&gt;", board, StringComparison.Ordinal);
        Assert.DoesNotContain($"<script>alert('{tag}')", board, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bold</b>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_title_field_asks_for_a_fragment_listing_similar_ideas()
    {
        using var advocate = await app.ClientForAsync(Roles.Advocate);
        var tag = Guid.NewGuid().ToString("N")[..8];
        using var posted = await advocate.PostAsJsonAsync("/api/v1/ideas", new { title = $"Calendar {tag} sync with Outlook", description = "Both ways." }, Ct);
        var idea = (await posted.Content.ReadFromJsonAsync<IdeaResponse>(Ct))!;

        var fragment = await advocate.GetStringAsync($"/ideas/new?handler=Similar&title={Uri.EscapeDataString($"calendar {tag} sync outlook")}", Ct);
        var nothing = await advocate.GetStringAsync("/ideas/new?handler=Similar&title=", Ct);

        Assert.DoesNotContain("<html", fragment, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/ideas/{idea.Id}\">Calendar {tag} sync with Outlook</a>", fragment, StringComparison.Ordinal);
        Assert.Contains("Vote instead", fragment, StringComparison.Ordinal);
        Assert.Equal("", nothing.Trim());
    }

    [Fact]
    public async Task Managers_get_the_status_and_merge_forms_and_others_do_not()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var seller = await app.ClientForAsync(Roles.Seller);
        using var posted = await seller.PostAsJsonAsync("/api/v1/ideas", new { title = "Forms by role", description = "d" }, Ct);
        var idea = (await posted.Content.ReadFromJsonAsync<IdeaResponse>(Ct))!;

        var managerPage = await manager.GetStringAsync($"/ideas/{idea.Id}", Ct);
        var sellerPage = await seller.GetStringAsync($"/ideas/{idea.Id}", Ct);

        Assert.Contains("Update status", managerPage, StringComparison.Ordinal);
        Assert.Contains("Merge into the original", managerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Update status", sellerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Merge into the original", sellerPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hidden_comment_reads_as_hidden_on_the_page_and_only_managers_get_the_hide_buttons()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var seller = await app.ClientForAsync(Roles.Seller);
        using var posted = await seller.PostAsJsonAsync("/api/v1/ideas", new { title = "Moderated on the page", description = "d" }, Ct);
        var idea = (await posted.Content.ReadFromJsonAsync<IdeaResponse>(Ct))!;
        using var commented = await seller.PostAsJsonAsync($"/api/v1/ideas/{idea.Id}/comments", new { text = "Nasty remark" }, Ct);
        var comment = (await commented.Content.ReadFromJsonAsync<CommentResponse>(Ct))!;
        Assert.Contains("Hide this comment", await manager.GetStringAsync($"/ideas/{idea.Id}", Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("Hide this comment", await seller.GetStringAsync($"/ideas/{idea.Id}", Ct), StringComparison.Ordinal);

        (await manager.PostAsJsonAsync($"/api/v1/ideas/{idea.Id}/comments/{comment.Id}/hide", new { reason = "Unkind." }, Ct)).EnsureSuccessStatusCode();

        var sellerPage = await seller.GetStringAsync($"/ideas/{idea.Id}", Ct);
        var managerPage = await manager.GetStringAsync($"/ideas/{idea.Id}", Ct);
        Assert.Contains("This comment was hidden by a moderator.", sellerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Nasty remark", sellerPage, StringComparison.Ordinal);
        Assert.Contains("Nasty remark", managerPage, StringComparison.Ordinal);
        Assert.Contains("Reason: Unkind.", managerPage, StringComparison.Ordinal);
        Assert.Contains("Show the comment again", managerPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_idea_page_is_404()
    {
        using var advocate = await app.ClientForAsync(Roles.Advocate);

        using var response = await advocate.GetAsync($"/ideas/{Guid.CreateVersion7()}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
