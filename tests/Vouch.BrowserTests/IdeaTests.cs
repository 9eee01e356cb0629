using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Vouch.Auth;
using Vouch.Features.Ideas;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

/// <summary>The idea exchange as people use it: posting with the similar ideas in view, voting and merging.</summary>
public sealed class IdeaTests(VouchServer server) : IClassFixture<VouchServer>
{
    [Fact]
    public async Task AnAdvocateSeesSimilarIdeasWhileTypingAndPostsTheirOwn()
    {
        var advocate = await server.AddUserAsync(Roles.Advocate);
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(advocate);
        await page.FollowNavigationAsync("Ideas");
        await page.GetByTestId("post-idea").ClickAsync();
        await Expect(page.MainHeading()).ToHaveTextAsync("Post an idea");

        // Typed key by key, as a person types: the list follows the title.
        await page.GetByLabel("Title").PressSequentiallyAsync("Export reports to Excel sheets", new() { Delay = 20 });

        var similar = page.GetByTestId("similar-ideas");
        await Expect(similar.GetByRole(AriaRole.Link).First).ToHaveTextAsync("Export reports to Excel");
        await Expect(similar.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("Planned");
        await Expect(similar.GetByRole(AriaRole.Button, new() { Name = "Vote for Export reports to Excel instead" })).ToBeVisibleAsync();

        await page.GetByLabel("Title").FillAsync("Export reports to Excel sheets with charts");
        await page.GetByLabel("Description").FillAsync("Charts too, <b>please</b>.");
        await page.GetByLabel("Product area").SelectOptionAsync(new SelectOptionValue { Label = "Vouch Analytics" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Post idea" }).ClickAsync();

        await Expect(page.MainHeading()).ToHaveTextAsync("Export reports to Excel sheets with charts");
        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("Thank you: your idea is posted. You will be told when its status changes.");
        await Expect(page.GetByTestId("description")).ToHaveTextAsync("Charts too, <b>please</b>.");
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("New");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stop following" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ARewordingThatSharesNoWordFindsTheIdeaByItsMeaning()
    {
        const string typed = "A black background for working in the evening";
        var advocate = await server.AddUserAsync(Roles.Advocate);
        // The demo's ideas are embedded in the background after the server starts; wait until they are.
        using (var api = server.CreateApiClient(await server.CreateTokenAsync(advocate)))
        {
            for (var tries = 0; tries < 120; tries++)
            {
                var found = await api.GetFromJsonAsync<List<SimilarIdea>>($"/api/v1/ideas/similar?text={Uri.EscapeDataString(typed)}", TestContext.Current.CancellationToken);
                if (found is [{ Meaning: not null }, ..])
                {
                    break;
                }
                await Task.Delay(500, TestContext.Current.CancellationToken);
            }
        }
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(advocate);
        await page.GotoAsync(server.Url("/ideas/new"));

        await page.GetByLabel("Title").PressSequentiallyAsync(typed, new() { Delay = 20 });

        var similar = page.GetByTestId("similar-ideas");
        await Expect(similar.GetByRole(AriaRole.Link).First).ToHaveTextAsync("Dark mode");
        await Expect(similar.GetByRole(AriaRole.Listitem).First).Not.ToContainTextAsync("very like yours");

        // The board's search finds it the same way, best match first.
        await page.GotoAsync(server.Url("/ideas"));
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync(typed);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Best match" })).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.Locator("table.ideas tbody tr").First).ToContainTextAsync("Dark mode");
    }

    [Fact]
    public async Task AColleaguePostsOnTheEmployeeBoardWhichNoAdvocateSees()
    {
        var seller = await server.AddUserAsync(Roles.Seller);
        var advocate = await server.AddUserAsync(Roles.Advocate);
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(seller);
        await page.FollowNavigationAsync("Ideas");
        await page.GetByTestId("idea-boards").GetByRole(AriaRole.Link, new() { Name = "Employee board" }).ClickAsync();
        await Expect(page.MainHeading()).ToHaveTextAsync("Employee ideas");
        await page.GetByTestId("post-idea").ClickAsync();

        await Expect(page.GetByTestId("idea-board")).ToHaveValueAsync("employee");
        await page.GetByLabel("Title").FillAsync("Shadow a reference call in the first month");
        await page.GetByLabel("Description").FillAsync("New sellers hear a customer before they pitch.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post idea" }).ClickAsync();

        await Expect(page.MainHeading()).ToHaveTextAsync("Shadow a reference call in the first month");
        await Expect(page.GetByTestId("employee-board")).ToBeVisibleAsync();
        var idea = page.Url;

        await using var customerContext = await server.NewContextAsync();
        var customerPage = await customerContext.NewPageAsync();
        await customerPage.SignInAsync(advocate);
        await customerPage.GotoAsync("/ideas");
        await Expect(customerPage.GetByTestId("idea-boards")).ToHaveCountAsync(0);
        var response = await customerPage.GotoAsync(idea);
        Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
    }

    [Fact]
    public async Task AnAdvocateVotesInsteadOfPostingADuplicate()
    {
        var advocate = await server.AddUserAsync(Roles.Advocate);
        var votes = await VotesAsync("Dark mode");
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(advocate);
        await page.GotoAsync("/ideas/new");

        await page.GetByLabel("Title").PressSequentiallyAsync("dark mode", new() { Delay = 20 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Vote for Dark mode instead" }).ClickAsync();

        await Expect(page.MainHeading()).ToHaveTextAsync("Dark mode");
        await Expect(page.GetByTestId("votes")).ToHaveTextAsync((votes + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Voted – take it back" })).ToHaveAttributeAsync("aria-pressed", "true");
    }

    [Fact]
    public async Task ASellerVotesOnTheBoardAndTakesTheVoteBack()
    {
        var seller = await server.AddUserAsync(Roles.Seller);
        var votes = await VotesAsync("Offline mode for the mobile app");
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(seller);
        await page.GotoAsync("/ideas?sort=top");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Top" })).ToHaveAttributeAsync("aria-current", "page");
        var row = page.TableRows().Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Offline mode for the mobile app", Exact = true }) });

        await row.GetByRole(AriaRole.Button, new() { Name = "Vote for Offline mode for the mobile app" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(server.Url("/ideas?sort=top"));
        await Expect(row.GetByTestId("votes")).ToHaveTextAsync((votes + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var voted = row.GetByRole(AriaRole.Button, new() { Name = "Voted for Offline mode for the mobile app" });
        await Expect(voted).ToHaveTextAsync("Voted");

        await voted.ClickAsync();

        await Expect(row.GetByTestId("votes")).ToHaveTextAsync(votes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Vote for Offline mode for the mobile app" })).ToHaveTextAsync("Vote");
    }

    [Fact]
    public async Task AReferenceManagerMergesADuplicateAndUndoesIt()
    {
        var manager = await server.AddUserAsync(Roles.ReferenceManager);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var voters = new[] { await server.AddUserAsync(Roles.Advocate), await server.AddUserAsync(Roles.Advocate), await server.AddUserAsync(Roles.Seller) };
        var original = await PostAsync(voters[0], $"Webhooks {tag} for new reference requests");
        var duplicate = await PostAsync(voters[1], $"Webhooks {tag} for reference requests");
        await VoteAsync(voters[0], original);
        await VoteAsync(voters[1], original);
        await VoteAsync(voters[1], duplicate);
        await VoteAsync(voters[2], duplicate);
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(manager);
        await page.GotoAsync($"/ideas/{duplicate}");

        await page.GetByLabel("Merge into the original").SelectOptionAsync(new SelectOptionValue { Label = $"Webhooks {tag} for new reference requests (2 votes)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Merge", Exact = true }).First.ClickAsync();

        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("The idea was merged; its votes now count for the original.");
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("Duplicate");
        await Expect(page.GetByTestId("merged-into")).ToHaveTextAsync($"This idea is a duplicate of Webhooks {tag} for new reference requests, which counts its votes.");
        await page.GetByTestId("merged-into").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.MainHeading()).ToHaveTextAsync($"Webhooks {tag} for new reference requests");
        // Three different people voted across the two ideas; the one who voted for both counts once.
        await Expect(page.GetByTestId("votes")).ToHaveTextAsync("3");
        await Expect(page.GetByTestId("duplicates").GetByRole(AriaRole.Link)).ToHaveTextAsync([$"Webhooks {tag} for reference requests"]);

        await page.GetByTestId("duplicates").GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo the merge" }).ClickAsync();

        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("The merge was undone.");
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("New");
        await Expect(page.GetByTestId("votes")).ToHaveTextAsync("2");
        Assert.Equal(2, await server.QueryAsync((db, ct) => db.Ideas.Where(i => i.Id == original).Select(i => i.VoteCount).SingleAsync(ct)));
    }

    private Task<int> VotesAsync(string title) =>
        server.QueryAsync((db, ct) => db.Ideas.Where(i => i.Title == title).Select(i => i.VoteCount).SingleAsync(ct));

    private async Task<Guid> PostAsync(TestUser author, string title)
    {
        using var api = server.CreateApiClient(await server.CreateTokenAsync(author));
        using var response = await api.PostAsJsonAsync("/api/v1/ideas", new { title, description = "So that our CRM hears about them." }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<IdeaResponse>(TestContext.Current.CancellationToken))!.Id;
    }

    private async Task VoteAsync(TestUser voter, Guid idea)
    {
        using var api = server.CreateApiClient(await server.CreateTokenAsync(voter));
        using var response = await api.PostAsync($"/api/v1/ideas/{idea}/votes", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
