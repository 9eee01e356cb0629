using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Email;
using Vouch.Features.Ideas;
using Vouch.Features.Users;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Email;

/// <summary>
/// The story every email test tells: an advocate posts an idea, a seller follows it, a reference manager changes its
/// status, and both are notified. Each story has its own users and idea.
/// </summary>
internal sealed class IdeaFollower(VouchApp app, UserResponse follower, HttpClient followerClient, UserResponse author, Guid ideaId, string title)
{
    public const string Response = "Coming in the spring release.";

    public UserResponse Follower => follower;
    public HttpClient FollowerClient => followerClient;
    public UserResponse Author => author;
    public Guid IdeaId => ideaId;

    /// <summary>The notification's text, which is also the email's subject after <c>Vouch: </c>.</summary>
    public string Text => $"“{title}” is now planned. {Response}";

    public string Link => $"{EmailApp.PublicUrl}/ideas/{ideaId}";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<IdeaFollower> StartAsync(VouchApp app)
    {
        var author = await app.AddUserAsync(Roles.Advocate);
        var follower = await app.AddUserAsync(Roles.Seller);
        using var authorClient = app.ClientWithToken(await app.CreateTokenAsync(author.Id));
        var followerClient = app.ClientWithToken(await app.CreateTokenAsync(follower.Id));
        var title = $"Export to Excel {Guid.NewGuid():N}"[..24];
        using var posted = await authorClient.PostAsJsonAsync("/api/v1/ideas", new { title, description = "For the board pack." }, Ct);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var idea = (await posted.Content.ReadFromJsonAsync<IdeaResponse>(Ct))!;
        using var followed = await followerClient.PostAsync($"/api/v1/ideas/{idea.Id}/follow", null, Ct);
        followed.EnsureSuccessStatusCode();
        return new IdeaFollower(app, follower, followerClient, author, idea.Id, title);
    }

    /// <summary>A reference manager sets the idea to Planned through the API, which notifies its followers.</summary>
    public async Task ChangeStatusAsync()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var response = await manager.PostAsJsonAsync($"/api/v1/ideas/{ideaId}/status", new { status = "Planned", response = Response }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The emails queued for <paramref name="user"/>, oldest first.</summary>
    public Task<List<OutboundEmail>> EmailsToAsync(UserResponse user) => app.WithScopeAsync(services =>
        services.GetRequiredService<VouchDbContext>().OutboundEmails.AsNoTracking()
            .Where(e => e.UserId == user.Id).OrderBy(e => e.CreatedAt).ToListAsync(Ct));
}

internal static class Eventually
{
    /// <summary>Waits until <paramref name="condition"/> holds, failing with <paramref name="what"/> after 20 seconds.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public static Task HoldsAsync(Func<bool> condition, string what) => HoldsAsync(() => Task.FromResult(condition()), what);
}
