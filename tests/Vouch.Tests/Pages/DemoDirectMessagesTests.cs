using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Data;
using Vouch.Features.DirectMessages;
using Vouch.Seeding;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Pages;

public sealed class DemoDirectMessagesTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_has_a_user_linked_to_slack_and_one_to_teams_with_their_messages_in_end_states_and_posts_nothing()
    {
        await app.WithScopeAsync(async services =>
        {
            Assert.True(await ActivatorUtilities.CreateInstance<DemoData>(services).SeedAsync(Ct));
            var db = services.GetRequiredService<VouchDbContext>();
            var links = services.GetRequiredService<DirectMessageLinks>();
            var people = await db.Users.Where(u => u.Email == "manager@vouch.demo" || u.Email == "seller@vouch.demo").ToDictionaryAsync(u => u.Email!, u => u.Id, Ct);

            var manager = await links.GetAsync(people["manager@vouch.demo"], Ct);
            Assert.Equal((DemoDirectMessages.ManagerSlackMemberId, null), (manager.SlackMemberId, manager.TeamsHost));
            Assert.Equal(["Sent", "Sent", "Sent", "Failed"], manager.Messages.Select(m => m.Status));
            Assert.All(manager.Messages, m => Assert.Equal("Slack", m.Kind));
            Assert.Equal("Slack has no such member in this workspace (channel_not_found): link your Slack account again.", manager.Messages[^1].LastError);

            var seller = await links.GetAsync(people["seller@vouch.demo"], Ct);
            Assert.Equal((null, "prod-00.westeurope.logic.azure.example"), (seller.SlackMemberId, seller.TeamsHost));
            Assert.Equal([("Teams", "Sent"), ("Teams", "Sent")], seller.Messages.Select(m => (m.Kind, m.Status)));

            // Without a bot token the demo queues nothing for Slack, and every seeded message is final: nothing is due.
            Assert.False(manager.SlackAvailable);
            Assert.Equal(0, await db.Set<DirectMessage>().CountAsync(m => m.Status == DirectMessageStatus.Pending, Ct));
            Assert.Equal(0, await services.GetRequiredService<DirectMessageSender>().SendDueAsync("test", Ct));
            var status = await links.StatusAsync(Ct);
            Assert.Equal((false, 1, 1), (status.SlackConfigured, status.LinkedToSlack, status.LinkedToTeams));
        });
    }
}
