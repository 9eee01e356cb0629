using System.Net;
using System.Net.Http.Json;
using Vouch.Auth;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Pages;

/// <summary>The header's search box and its results page, as the browser gets them.</summary>
public sealed class FindPagesTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Manager, string Tag, Guid AccountId)> AddAccountAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var created = await manager.PostAsJsonAsync("/api/v1/accounts", new { name = $"Contoso {tag}" }, Ct);
        created.EnsureSuccessStatusCode();
        return (manager, tag, (await created.Content.ReadFromJsonAsync<IdOnly>(Ct))!.Id);
    }

    private sealed record IdOnly(Guid Id);

    [Fact]
    public async Task The_results_page_lists_what_was_found_by_kind_with_links_to_each_record()
    {
        var (manager, tag, accountId) = await AddAccountAsync();

        var page = await manager.GetStringAsync($"/find?q={tag}", Ct);

        Assert.Contains("<h2 id=\"found-accounts\">Accounts</h2>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/accounts/{accountId}\">Contoso {tag}</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"found-contacts\"", page, StringComparison.Ordinal);
        // The header's box keeps what was searched for.
        Assert.Contains($"name=\"q\" value=\"{tag}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_as_one_types_links_each_record_and_all_the_results()
    {
        var (manager, tag, accountId) = await AddAccountAsync();

        var list = await manager.GetStringAsync($"/find?handler=List&q={tag.ToUpperInvariant()}", Ct);

        Assert.Contains($"<a href=\"/accounts/{accountId}\">Contoso {tag}</a>", list, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/find?q={tag.ToUpperInvariant()}\">All results for", list, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", list, StringComparison.Ordinal);
        Assert.Equal("", (await manager.GetStringAsync("/find?handler=List&q=%20", Ct)).Trim());
    }

    [Fact]
    public async Task What_was_typed_is_shown_as_text_and_a_long_search_is_explained()
    {
        using var seller = await app.ClientForAsync(Roles.Seller);

        var page = await seller.GetStringAsync($"/find?q={Uri.EscapeDataString("<b>bold</b>")}", Ct);
        Assert.Contains("Nothing found for “&lt;b&gt;bold&lt;/b&gt;”.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bold</b>", page, StringComparison.Ordinal);

        using var tooLong = await seller.GetAsync($"/find?q={new string('a', 201)}", Ct);
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains("A search can be at most 200 characters long; shorten it and try again.", await tooLong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_box_is_in_the_header_for_everyone_signed_in_and_not_on_the_sign_in_page()
    {
        using var advocate = await app.ClientForAsync(Roles.Advocate);

        var portal = await advocate.GetStringAsync("/ideas", Ct);
        Assert.Contains("<form role=\"search\" action=\"/find\" method=\"get\"", portal, StringComparison.Ordinal);
        Assert.Contains("<label for=\"find-q\" class=\"visually-hidden\">", portal, StringComparison.Ordinal);

        using var anonymous = app.AnonymousClient();
        Assert.DoesNotContain("role=\"search\"", await anonymous.GetStringAsync("/sign-in", Ct), StringComparison.Ordinal);
    }
}
