using System.Net;
using System.Net.Http.Json;
using Vouch.Auth;
using Vouch.Features.Find;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

/// <summary>The header's search through the API: each role finds only what its pages show it.</summary>
public sealed class FindApiTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] s_everyKind = ["accounts", "contacts", "requests", "content", "ideas"];

    /// <summary>One record of each kind with <paramref name="Tag"/> in its name; the request is the seller's.</summary>
    private sealed record Records(string Tag, Guid AccountId, Guid ContactId, Guid RequestId, Guid ContentId, Guid IdeaId, HttpClient Seller, HttpClient Manager);

    private async Task<Records> AddRecordsAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var seller = await app.ClientForAsync(Roles.Seller);
        var accountId = await IdOfAsync(await manager.PostAsJsonAsync("/api/v1/accounts", new { name = $"Northwind {tag} Traders" }, Ct));
        var contactId = await IdOfAsync(await manager.PostAsJsonAsync("/api/v1/contacts", new { accountId, firstName = "Grace", lastName = $"Hopper{tag}" }, Ct));
        var contentId = await IdOfAsync(await manager.PostAsJsonAsync("/api/v1/content", new { title = $"Case study {tag}", kind = "CaseStudy", accountId }, Ct));
        await ContentTestData.ApproveAsync(manager, contentId);
        var ideaId = await IdOfAsync(await seller.PostAsJsonAsync("/api/v1/ideas", new { title = $"Export {tag} to spreadsheets", description = "Every week." }, Ct));
        var dealId = await IdOfAsync(await seller.PostAsJsonAsync("/api/v1/opportunities",
            new { accountId, name = $"Expansion {tag}", amount = 25_000m, stage = "Discovery", closeDate = "2027-06-30" }, Ct));
        var requestId = await IdOfAsync(await seller.PostAsJsonAsync("/api/v1/requests",
            new { activityType = "reference-call", neededBy = "2027-05-31", opportunityId = dealId }, Ct));
        return new Records(tag, accountId, contactId, requestId, contentId, ideaId, seller, manager);
    }

    private static async Task<Guid> IdOfAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
            return (await response.Content.ReadFromJsonAsync<IdOnly>(Ct))!.Id;
        }
    }

    private sealed record IdOnly(Guid Id);

    private static async Task<FindResponse> FindAsync(HttpClient client, string q)
    {
        using var response = await client.GetAsync($"/api/v1/find?q={Uri.EscapeDataString(q)}", Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync<FindResponse>(Ct))!;
    }

    private static Guid[] Found(FindResponse found, string kind) => [.. found.Groups.Single(g => g.Kind == kind).Items.Select(i => i.Id)];

    [Fact]
    public async Task Employees_find_every_kind_and_an_advocate_only_the_ideas_of_the_exchange()
    {
        var records = await AddRecordsAsync();
        using var admin = await app.ClientForAsync(Roles.Admin);
        using var executive = await app.ClientForAsync(Roles.Executive);
        using var advocate = await app.ClientForAsync(Roles.Advocate);

        foreach (var employee in new[] { admin, records.Manager, records.Seller, executive })
        {
            var found = await FindAsync(employee, records.Tag);
            Assert.Equal(s_everyKind, found.Groups.Select(g => g.Kind));
            Assert.Equal([records.AccountId], Found(found, "accounts"));
            Assert.Equal([records.ContactId], Found(found, "contacts"));
            Assert.Equal([records.RequestId], Found(found, "requests"));
            Assert.Equal([records.ContentId], Found(found, "content"));
            Assert.Equal([records.IdeaId], Found(found, "ideas"));
        }
        var account = (await FindAsync(records.Seller, records.Tag)).Groups[0].Items.Single();
        Assert.Equal(($"Northwind {records.Tag} Traders", $"/accounts/{records.AccountId}"), (account.Name, account.Href));
        var request = (await FindAsync(records.Seller, records.Tag)).Groups[2].Items.Single();
        Assert.Equal(($"Reference call for Expansion {records.Tag}", $"/requests/{records.RequestId}"), (request.Name, request.Href));

        var advocates = await FindAsync(advocate, records.Tag);
        Assert.Equal(["ideas"], advocates.Groups.Select(g => g.Kind));
        Assert.Equal([records.IdeaId], Found(advocates, "ideas"));
        // The account's name finds nothing of the customer's for an advocate: not the account, its contact, content or deal.
        Assert.Equal(["ideas"], (await FindAsync(advocate, $"Northwind {records.Tag}")).Groups.Select(g => g.Kind));
    }

    [Fact]
    public async Task A_seller_finds_only_the_requests_the_requests_list_shows_them()
    {
        var records = await AddRecordsAsync();
        using var otherSeller = await app.ClientForAsync(Roles.Seller);

        var others = await FindAsync(otherSeller, records.Tag);

        Assert.Equal([records.AccountId], Found(others, "accounts"));
        Assert.Empty(Found(others, "requests"));
        Assert.Equal([records.RequestId], Found(await FindAsync(records.Seller, $"expansion {records.Tag}"), "requests"));
        Assert.Equal([records.RequestId], Found(await FindAsync(records.Manager, records.Tag), "requests"));
    }

    [Fact]
    public async Task An_advocate_never_finds_a_hidden_idea_or_one_of_the_employee_board()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var seller = await app.ClientForAsync(Roles.Seller);
        using var advocate = await app.ClientForAsync(Roles.Advocate);
        var open = await IdOfAsync(await advocate.PostAsJsonAsync("/api/v1/ideas", new { title = $"Dark mode {tag}", description = "At night." }, Ct));
        var hidden = await IdOfAsync(await advocate.PostAsJsonAsync("/api/v1/ideas", new { title = $"Rude words {tag}", description = "Rude." }, Ct));
        (await manager.PostAsJsonAsync($"/api/v1/ideas/{hidden}/hide", new { reason = "Insults another customer." }, Ct)).EnsureSuccessStatusCode();
        var employees = await IdOfAsync(await seller.PostAsJsonAsync("/api/v1/ideas", new { title = $"Internal tool {tag}", description = "For us.", board = "employee" }, Ct));

        Assert.Equal([open], Found(await FindAsync(advocate, tag), "ideas"));
        Assert.Equal([open, employees], Found(await FindAsync(seller, tag), "ideas").Order());
        Assert.Equal(new[] { open, hidden, employees }.Order(), Found(await FindAsync(manager, tag), "ideas").Order());
    }

    [Fact]
    public async Task A_part_of_a_name_finds_it_in_any_case()
    {
        var records = await AddRecordsAsync();

        var found = await FindAsync(records.Seller, $"WIND {records.Tag.ToUpperInvariant()} tRa");

        Assert.Equal([records.AccountId], Found(found, "accounts"));
        Assert.Equal([records.ContactId], Found(await FindAsync(records.Seller, $"per{records.Tag[..6]}"), "contacts"));
    }

    [Fact]
    public async Task Each_kind_shows_five_and_says_there_are_more()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        for (var i = 1; i <= 6; i++)
        {
            await IdOfAsync(await manager.PostAsJsonAsync("/api/v1/accounts", new { name = $"Branch {tag} {i}" }, Ct));
        }

        var accounts = (await FindAsync(manager, tag)).Groups.Single(g => g.Kind == "accounts");

        Assert.Equal([.. Enumerable.Range(1, 5).Select(i => $"Branch {tag} {i}")], accounts.Items.Select(a => a.Name));
        Assert.True(accounts.More);
        Assert.Equal($"/accounts?q={tag}", accounts.ListHref);
    }

    [Fact]
    public async Task An_empty_search_finds_nothing_and_a_long_one_is_refused_naming_q()
    {
        using var seller = await app.ClientForAsync(Roles.Seller);

        Assert.Empty((await FindAsync(seller, "")).Groups);
        Assert.Empty((await FindAsync(seller, "   ")).Groups);
        using var missing = await seller.GetAsync("/api/v1/find", Ct);
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        using var tooLong = await seller.GetAsync($"/api/v1/find?q={new string('a', 201)}", Ct);
        Assert.Equal(["q must be at most 200 characters."], await tooLong.AssertValidationProblemAsync("q"));
    }
}
