using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Email;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Email;

/// <summary>Without a mail server or pickup folder, notifications stay in the app and nothing waits to be sent.</summary>
public sealed class EmailNotConfiguredTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Nothing_is_queued_and_admins_see_that_email_is_off()
    {
        var story = await IdeaFollower.StartAsync(app);

        await story.ChangeStatusAsync();

        var notifications = await story.FollowerClient.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/notifications", Ct);
        Assert.Equal(1, notifications.GetProperty("total").GetInt32());
        Assert.Equal(0, await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().OutboundEmails.CountAsync(Ct)));
        using var admin = await app.ClientForAsync(Roles.Admin);
        var status = await admin.GetFromJsonAsync<EmailStatusResponse>("/api/v1/email/status", Ct);
        Assert.Equal(new EmailStatusResponse(false, null, 0, 0, 0, null), status);
        var page = await story.FollowerClient.GetStringAsync("/settings", Ct);
        Assert.Contains("This Vouch sends no email yet", page, StringComparison.Ordinal);
    }
}
