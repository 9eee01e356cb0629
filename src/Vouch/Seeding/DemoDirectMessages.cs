using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.DirectMessages;

namespace Vouch.Seeding;

/// <summary>
/// The demo's direct messages, as after a few weeks: the reference manager linked to Slack, her waiting items sent
/// there (one given up before she linked her account again), and the seller linked to a Teams workflow with two sent.
/// <para>
/// Every message is seeded in its end state, so none is posted. The demo has no Slack bot token, so nothing new is
/// queued for Slack; the seller's workflow address is on a reserved <c>.example</c> host, which is nobody's: a new
/// notification for him is tried there and fails like any unreachable address.
/// </para>
/// </summary>
public static class DemoDirectMessages
{
    public const string ManagerSlackMemberId = "U0DEMORITA";
    public const string SellerTeamsAddress = "https://prod-00.westeurope.logic.azure.example/workflows/demo/triggers/manual/paths/invoke";

    public static async Task SeedAsync(VouchDbContext db, IDataProtectionProvider protection, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var people = await db.Users.Where(u => u.Email == "manager@vouch.demo" || u.Email == "seller@vouch.demo").ToDictionaryAsync(u => u.Email!, u => u.Id, ct);
        var (manager, seller) = (people["manager@vouch.demo"], people["seller@vouch.demo"]);
        db.AddRange(
            new DirectMessageLink { UserId = manager, SlackMemberId = ManagerSlackMemberId, UpdatedAt = now.AddDays(-20) },
            new DirectMessageLink
            {
                UserId = seller,
                ProtectedTeamsAddress = DirectMessageSecrets.Protector(protection).Protect(SellerTeamsAddress),
                TeamsHost = new Uri(SellerTeamsAddress).Host,
                UpdatedAt = now.AddDays(-12),
            });
        var requests = await db.ReferenceRequests.OrderBy(r => r.Id).Select(r => r.Id).Take(3).ToListAsync(ct);
        string Request(int i) => requests.Count == 0 ? "/requests" : $"/requests/{requests[i % requests.Count]}";
        db.AddRange(
            Failed(manager, DirectMessageKind.Slack, "A new reference call request waits on the reference team.", Request(0), now.AddDays(-21),
                "Slack has no such member in this workspace (channel_not_found): link your Slack account again."),
            Sent(manager, DirectMessageKind.Slack, "A request for a case study waits on the reference team.", Request(1), now.AddDays(-9)),
            Sent(manager, DirectMessageKind.Slack, "The SLA of a reference call request ends tomorrow.", Request(0), now.AddDays(-3)),
            Sent(manager, DirectMessageKind.Slack, "An advocate accepted a reference call: schedule it.", Request(2), now.AddHours(-20)),
            Sent(seller, DirectMessageKind.Teams, "The account owner consented to your reference call request.", Request(0), now.AddDays(-6)),
            Sent(seller, DirectMessageKind.Teams, "Your reference call is scheduled: record its outcome afterwards.", Request(0), now.AddDays(-2)));
        await db.SaveChangesAsync(ct);
    }

    private static DirectMessage Sent(Guid user, DirectMessageKind kind, string text, string link, DateTimeOffset at)
    {
        var message = DirectMessage.Queued(user, kind, text, link, at);
        (message.Status, message.Attempts, message.LastAttemptAt, message.SentAt) = (DirectMessageStatus.Sent, 1, at.AddSeconds(1), at.AddSeconds(1));
        return message;
    }

    private static DirectMessage Failed(Guid user, DirectMessageKind kind, string text, string link, DateTimeOffset at, string error)
    {
        // Ten attempts, the waits doubling from 30 s up to two hours: the last about eight and a half hours after the first.
        var message = DirectMessage.Queued(user, kind, text, link, at);
        (message.Status, message.Attempts, message.LastAttemptAt, message.NextAttemptAt, message.LastError) =
            (DirectMessageStatus.Failed, 10, at.AddHours(8.5), at.AddHours(8.5), error);
        return message;
    }
}
