using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Vouch.Auth;
using Vouch.Features.Ideas;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

/// <summary>What people are told, and what moderators hide: the unread badge, the notifications page, hidden comments.</summary>
public sealed class NotificationTests(VouchServer server) : IClassFixture<VouchServer>
{
    [Fact]
    public async Task AFollowerSeesTheBadgeOpensTheNewsFollowsItAndMarksItRead()
    {
        var manager = await server.AddUserAsync(Roles.ReferenceManager);
        var author = await server.AddUserAsync(Roles.Seller);
        var follower = await server.AddUserAsync(Roles.Advocate);
        var title = $"Teams {Guid.NewGuid().ToString("N")[..6]} meeting notes";
        Guid idea;
        using (var api = server.CreateApiClient(await server.CreateTokenAsync(author)))
        {
            idea = await PostAsync(api, title);
        }
        using (var api = server.CreateApiClient(await server.CreateTokenAsync(follower)))
        {
            using var followed = await api.PostAsync($"/api/v1/ideas/{idea}/follow", null, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        }

        await using (var managerContext = await server.NewContextAsync())
        {
            var page = await managerContext.NewPageAsync();
            await page.SignInAsync(manager);
            await page.GotoAsync($"/ideas/{idea}");
            await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Planned" });
            await page.GetByLabel("Official response").FillAsync("Coming in the June release.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Update status" }).ClickAsync();
            await Expect(page.GetByTestId("notice")).ToHaveTextAsync("The status was changed and followers were told.");
        }

        await using var context = await server.NewContextAsync();
        var mine = await context.NewPageAsync();
        await mine.SignInAsync(follower);

        var link = mine.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Notifications" });
        await Expect(link).ToHaveAccessibleNameAsync("Notifications 1 unread");
        await link.ClickAsync();
        await Expect(mine.MainHeading()).ToHaveTextAsync("Notifications");
        var news = mine.GetByTestId("notification");
        await Expect(news).ToHaveCountAsync(1);
        await news.GetByRole(AriaRole.Link, new() { Name = $"“{title}” is now planned. Coming in the June release." }).ClickAsync();

        await Expect(mine.MainHeading()).ToHaveTextAsync(title);
        await Expect(mine.GetByTestId("response")).ToContainTextAsync("Coming in the June release.");

        await mine.FollowNavigationAsync("Notifications");
        await news.GetByRole(AriaRole.Button, new() { Name = "Mark read" }).ClickAsync();

        await Expect(mine.MainNavigation().GetByTestId("notifications-badge")).ToHaveCountAsync(0);
        await Expect(mine.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Notifications" })).ToHaveAccessibleNameAsync("Notifications");
        await Expect(news.GetByRole(AriaRole.Button, new() { Name = "Mark read" })).ToHaveCountAsync(0);
        await Expect(news.GetByRole(AriaRole.Link)).ToHaveTextAsync($"“{title}” is now planned. Coming in the June release.");
    }

    [Fact]
    public async Task AModeratorHidesACommentAndOthersReadThatAModeratorHidIt()
    {
        var manager = await server.AddUserAsync(Roles.ReferenceManager);
        var author = await server.AddUserAsync(Roles.Advocate);
        var reader = await server.AddUserAsync(Roles.Seller);
        var title = $"Bulk {Guid.NewGuid().ToString("N")[..6]} edit of contacts";
        Guid idea;
        using (var api = server.CreateApiClient(await server.CreateTokenAsync(author)))
        {
            idea = await PostAsync(api, title);
            using var commented = await api.PostAsJsonAsync($"/api/v1/ideas/{idea}/comments", new { text = "Whoever built this is useless" }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Created, commented.StatusCode);
        }

        await using (var managerContext = await server.NewContextAsync())
        {
            var page = await managerContext.NewPageAsync();
            await page.SignInAsync(manager);
            await page.GotoAsync($"/ideas/{idea}");
            var comment = page.GetByTestId("comment").Filter(new() { HasText = "Whoever built this is useless" });
            await comment.GetByText("Hide this comment").ClickAsync();
            await comment.GetByLabel("Why it is hidden").FillAsync("Insults the team.");
            await comment.GetByRole(AriaRole.Button, new() { Name = "Hide comment" }).ClickAsync();

            await Expect(page.GetByTestId("notice")).ToHaveTextAsync("The comment is hidden; its author was told why.");
            await Expect(comment).ToContainTextAsync("Reason: Insults the team.");
            await Expect(comment.GetByRole(AriaRole.Button, new() { Name = "Show the comment again" })).ToBeVisibleAsync();
        }

        await using var context = await server.NewContextAsync();
        var theirs = await context.NewPageAsync();
        await theirs.SignInAsync(reader);
        await theirs.GotoAsync($"/ideas/{idea}");

        await Expect(theirs.GetByTestId("comment")).ToHaveCountAsync(1);
        await Expect(theirs.GetByTestId("comment").Locator("p").First).ToHaveTextAsync("This comment was hidden by a moderator.");
        await Expect(theirs.GetByTestId("comments")).Not.ToContainTextAsync("useless");
        await Expect(theirs.GetByText("Hide this comment")).ToHaveCountAsync(0);
    }

    private static async Task<Guid> PostAsync(HttpClient api, string title)
    {
        using var response = await api.PostAsJsonAsync("/api/v1/ideas", new { title, description = "It would save us hours." }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<IdeaResponse>(TestContext.Current.CancellationToken))!.Id;
    }
}
