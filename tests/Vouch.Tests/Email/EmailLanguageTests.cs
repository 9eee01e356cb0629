using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Email;
using Vouch.Features.Programs;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Email;

/// <summary>
/// An email is written in its recipient's language when it is queued: the one the user chose, else English. The
/// digest, call and portal invitations are proven so beside their other tests.
/// </summary>
public sealed class EmailLanguageTests(EmailApp.WithPickupFolder app) : IClassFixture<EmailApp.WithPickupFolder>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_follower_who_chose_German_is_told_of_a_notification_in_German_and_the_author_who_chose_nothing_in_English()
    {
        var story = await IdeaFollower.StartAsync(app);
        await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().Users.Where(u => u.Id == story.Follower.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, "de"), Ct));

        await story.ChangeStatusAsync();

        var toFollower = Assert.Single(await story.EmailsToAsync(story.Follower));
        var toAuthor = Assert.Single(await story.EmailsToAsync(story.Author));
        // The notification itself is stored in English when it is made; the email around it speaks the reader's language.
        Assert.Equal(("Vouch: " + story.Text, "Vouch: " + story.Text), (toFollower.Subject, toAuthor.Subject));
        Assert.Equal(
            $"{story.Text}\n\nIn Vouch öffnen: {story.Link}\n\nSie erhalten diese E-Mail, weil Sie E-Mail-Benachrichtigungen eingeschaltet haben. "
            + $"Ausschalten können Sie sie unter {EmailApp.PublicUrl}/settings\n",
            toFollower.TextBody);
        Assert.Equal(
            $"{story.Text}\n\nOpen it in Vouch: {story.Link}\n\nYou get this email because you have email notifications on. "
            + $"Turn them off at {EmailApp.PublicUrl}/settings\n",
            toAuthor.TextBody);
    }

    [Fact]
    public async Task A_subscriber_who_chose_German_gets_the_report_in_German_and_one_who_chose_nothing_in_English()
    {
        var german = await app.AddUserAsync(Roles.Executive);
        var english = await app.AddUserAsync(Roles.Executive);
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            (await db.Users.SingleAsync(u => u.Id == german.Id, Ct)).Language = "de";
            db.AddRange(
                new ReportSubscription { UserId = german.Id, SubscribedAt = DateTimeOffset.UtcNow, SentFor = "2000-01" },
                new ReportSubscription { UserId = english.Id, SubscribedAt = DateTimeOffset.UtcNow, SentFor = "2000-01" });
            await db.SaveChangesAsync(Ct);
        });

        Task<List<OutboundEmail>> ReportsAsync() => app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().OutboundEmails.AsNoTracking()
            .Where(e => e.UserId == german.Id || e.UserId == english.Id).ToListAsync(Ct));
        // The app's own schedule may be taking its first round: whichever queues them, each is written once.
        await Eventually.HoldsAsync(async () =>
        {
            await app.WithScopeAsync(services => services.GetRequiredService<ExecutiveReport>().SendDueAsync("test", Ct));
            return (await ReportsAsync()).Count == 2;
        }, "both reports are queued");

        var reports = await ReportsAsync();
        var inGerman = Assert.Single(reports, e => e.UserId == german.Id);
        var inEnglish = Assert.Single(reports, e => e.UserId == english.Id);
        Assert.StartsWith("Bericht zum Referenzprogramm, ", inGerman.Subject, StringComparison.Ordinal);
        Assert.Contains("Der Bericht: https://vouch.example.com/app/program/report?month=", inGerman.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("Reference program report, ", inEnglish.Subject, StringComparison.Ordinal);
        Assert.Contains("The report: https://vouch.example.com/app/program/report?month=", inEnglish.TextBody, StringComparison.Ordinal);
    }
}
