using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Ideas;
using Vouch.Features.Notifications;
using Vouch.Tests.Infrastructure;
using Vouch.Web;

namespace Vouch.Tests.Api;

/// <summary>Each user's notifications: listed newest first, counted while unread, marked read by their owner only.</summary>
public sealed partial class NotificationsApiTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [Fact]
    public async Task A_follower_is_told_reads_it_and_the_unread_count_goes_down()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var advocate = await app.ClientForAsync(Roles.Advocate);
        var idea = await PostIdeaAsync(advocate, "Read receipts");
        await SetStatusAsync(manager, idea, "UnderReview", "Looking at it.");
        await SetStatusAsync(manager, idea, "Planned", "In the autumn release.");

        var list = await ListAsync(advocate);

        Assert.Equal(2, list.Total);
        Assert.Equal(["“Read receipts” is now planned. In the autumn release.", "“Read receipts” is now under review. Looking at it."], list.Items.Select(n => n.Text));
        Assert.All(list.Items, n => Assert.Equal(($"/ideas/{idea}", null), (n.Link, n.ReadAt)));
        Assert.Equal(2, await UnreadAsync(advocate));

        using var read = await advocate.PostAsync($"/api/v1/notifications/{list.Items[0].Id}/read", null, Ct);
        Assert.Equal(new UnreadResponse(1), await read.Content.ReadFromJsonAsync<UnreadResponse>(Ct));
        var readAt = (await ListAsync(advocate)).Items[0].ReadAt;
        Assert.NotNull(readAt);

        // Reading it again changes nothing, not even when it was read.
        using var readAgain = await advocate.PostAsync($"/api/v1/notifications/{list.Items[0].Id}/read", null, Ct);
        Assert.Equal(new UnreadResponse(1), await readAgain.Content.ReadFromJsonAsync<UnreadResponse>(Ct));
        Assert.Equal(readAt, (await ListAsync(advocate)).Items[0].ReadAt);

        using var all = await advocate.PostAsync("/api/v1/notifications/read-all", null, Ct);
        Assert.Equal(new UnreadResponse(0), await all.Content.ReadFromJsonAsync<UnreadResponse>(Ct));
        Assert.All((await ListAsync(advocate)).Items, n => Assert.NotNull(n.ReadAt));
        Assert.Equal(readAt, (await ListAsync(advocate)).Items[0].ReadAt);
    }

    [Fact]
    public async Task Nobody_reads_or_marks_someone_elses_notification()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var owner = await app.ClientForAsync(Roles.Advocate);
        using var other = await app.ClientForAsync(Roles.Advocate);
        var idea = await PostIdeaAsync(owner, "Private news");
        await SetStatusAsync(manager, idea, "Planned", null);
        var theirs = Assert.Single((await ListAsync(owner)).Items);

        using var api = await other.PostAsync($"/api/v1/notifications/{theirs.Id}/read", null, Ct);
        var form = await other.GetStringAsync("/notifications", Ct);
        using var page = await other.PostAsync($"/notifications?handler=Read&id={theirs.Id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = AntiforgeryField().Match(form).Groups[1].Value }), Ct);
        using var all = await other.PostAsync("/api/v1/notifications/read-all", null, Ct);

        Assert.Equal("The notification was not found.", (await api.AssertProblemAsync(HttpStatusCode.NotFound)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(new UnreadResponse(0), await all.Content.ReadFromJsonAsync<UnreadResponse>(Ct));
        Assert.Empty((await ListAsync(other)).Items);
        Assert.DoesNotContain("Private news", await other.GetStringAsync("/notifications", Ct), StringComparison.Ordinal);
        Assert.Null(Assert.Single((await ListAsync(owner)).Items).ReadAt);
        Assert.Equal(1, await UnreadAsync(owner));
    }

    [Fact]
    public async Task An_unknown_notification_is_a_404_problem()
    {
        using var seller = await app.ClientForAsync(Roles.Seller);

        using var response = await seller.PostAsync($"/api/v1/notifications/{Guid.CreateVersion7()}/read", null, Ct);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=201", "pageSize")]
    public async Task A_bad_page_is_named(string query, string field)
    {
        using var seller = await app.ClientForAsync(Roles.Seller);

        using var response = await seller.GetAsync($"/api/v1/notifications?{query}", Ct);

        Assert.NotEmpty(await response.AssertValidationProblemAsync(field));
    }

    [Fact]
    public async Task The_page_lists_them_newest_first_with_links_and_every_page_shows_the_unread_count()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var seller = await app.ClientForAsync(Roles.Seller);
        var first = await PostIdeaAsync(seller, "First <b>news</b>");
        var second = await PostIdeaAsync(seller, "Second news");
        await SetStatusAsync(manager, first, "Planned", null);
        await SetStatusAsync(manager, second, "Declined", null);

        var page = await seller.GetStringAsync("/notifications", Ct);
        var elsewhere = await seller.GetStringAsync("/ideas", Ct);

        // As Razor writes them: the typographic quotes as character references, the tags as text.
        var newer = page.IndexOf($"<a href=\"/ideas/{second}\">“Second news” is now declined.</a>", StringComparison.Ordinal);
        var older = page.IndexOf($"<a href=\"/ideas/{first}\">“First &lt;b&gt;news&lt;/b&gt;” is now planned.</a>", StringComparison.Ordinal);
        Assert.True(newer >= 0 && older > newer, page);
        Assert.Contains("<span class=\"badge\" data-testid=\"notifications-badge\">2 unread</span>", elsewhere, StringComparison.Ordinal);

        await app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().Notifications
            .Where(n => n.Link == $"/ideas/{first}" || n.Link == $"/ideas/{second}").ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, DateTimeOffset.UtcNow), Ct));
        Assert.DoesNotContain("notifications-badge", await seller.GetStringAsync("/ideas", Ct), StringComparison.Ordinal);
    }

    private static async Task<Guid> PostIdeaAsync(HttpClient client, string title)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/ideas", new { title, description = "Please." }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<IdeaResponse>(Ct))!.Id;
    }

    private static async Task SetStatusAsync(HttpClient manager, Guid idea, string status, string? response)
    {
        using var answer = await manager.PostAsJsonAsync($"/api/v1/ideas/{idea}/status", new { status, response }, Ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    private static async Task<Paged<NotificationResponse>> ListAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<Paged<NotificationResponse>>("/api/v1/notifications", Ct))!;

    private static async Task<int> UnreadAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<UnreadResponse>("/api/v1/notifications/unread", Ct))!.Unread;
}
