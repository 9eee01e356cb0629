using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Email;
using Vouch.Features.Programs;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Email;

/// <summary>The monthly executive report goes to each subscriber in their language.</summary>
public sealed class ReportEmailTests(EmailApp.WithPickupFolder app) : IClassFixture<EmailApp.WithPickupFolder>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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
