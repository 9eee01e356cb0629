using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vouch.Data;
using Vouch.Features.AccountReviews;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Events;
using Vouch.Features.Executives;
using Vouch.Features.Referrals;
using Vouch.Features.Requests;
using Vouch.Testing;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Cli;

/// <summary>Seeding a synthetic program and backing it up, each on a database of its own.</summary>
public sealed class SeedAndBackupTests
{
    private static readonly string s_vouch = Path.Combine(AppContext.BaseDirectory, "vouch.dll");

    private static Task<ProcessResult> VouchAsync(TestDatabase database, params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", [s_vouch, .. arguments], new Dictionary<string, string>
        {
            ["Database__Provider"] = database.Provider,
            ["ConnectionStrings__Vouch"] = database.ConnectionString,
            ["DOTNET_ENVIRONMENT"] = "Production",
        });

    private static async Task<(int Accounts, int Contacts, int Opportunities)> CountAsync(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<VouchDbContext>();
        options.UseVouchDatabase(new DatabaseSettings(Enum.Parse<DatabaseProvider>(database.Provider), database.ConnectionString));
        await using var db = new VouchDbContext(options.Options);
        // The customers: the programs add prospects' accounts, without contacts.
        return (await db.Accounts.CountAsync(a => db.Contacts.Any(c => c.AccountId == a.Id)), await db.Contacts.CountAsync(), await db.Opportunities.CountAsync());
    }

    [Fact]
    public async Task Seed_scale_writes_the_contacts_asked_for_with_accounts_and_deals_and_only_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        Assert.Equal(0, (await VouchAsync(database, "migrate")).ExitCode);

        var seeded = await VouchAsync(database, "seed", "--scale", "2000");
        var again = await VouchAsync(database, "seed", "--scale", "10");

        Assert.True(seeded.ExitCode == 0, seeded.Error);
        var (accounts, contacts, opportunities) = await CountAsync(database);
        Assert.Equal(2000, contacts);
        Assert.InRange(accounts, 150, 250);
        Assert.True(opportunities > accounts, $"{opportunities} deals for {accounts} accounts");
        Assert.Equal(1, again.ExitCode);
        Assert.Equal(2000, (await CountAsync(database)).Contacts);
    }

    [Fact]
    public async Task Seed_scale_writes_an_ask_history_that_keeps_consent_rest_periods_and_the_ledger_in_step()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        Assert.Equal(0, (await VouchAsync(database, "migrate")).ExitCode);

        var seeded = await VouchAsync(database, "seed", "--scale", "4000");

        Assert.True(seeded.ExitCode == 0, seeded.Error);
        var options = new DbContextOptionsBuilder<VouchDbContext>();
        options.UseVouchDatabase(new DatabaseSettings(Enum.Parse<DatabaseProvider>(database.Provider), database.ConnectionString));
        await using var db = new VouchDbContext(options.Options);
        var advocates = await db.Contacts.AsNoTracking().Where(c => c.Consent != ConsentLevel.None)
            .Select(c => new { c.Id, Agreed = c.AgreedActivities.Select(a => a.Id).ToList() })
            .ToDictionaryAsync(c => c.Id, c => c.Agreed, ct);
        var rest = await db.ActivityTypes.ToDictionaryAsync(t => t.Id, t => t.RestPeriodDays, ct);
        // The asks of reference requests; the programs' asks (referrals, speaking) are checked on their own.
        var asks = await db.Engagements.AsNoTracking().Where(e => e.Kind == EngagementKind.Ask && e.RequestId != null).ToListAsync(ct);
        var requests = await db.ReferenceRequests.AsNoTracking().ToDictionaryAsync(r => r.Id, ct);

        Assert.InRange(advocates.Count, 300, 560);
        Assert.All(advocates.Values, agreed => Assert.InRange(agreed.Count, 1, 5));
        Assert.InRange(asks.Count / (double)advocates.Count, 3.0, 6.5);
        Assert.InRange(await db.NpsAnswers.Select(a => a.ContactId).Distinct().CountAsync(ct), 1000, 1400);
        Assert.All(asks, ask => Assert.Contains(ask.ActivityTypeId!.Value, advocates[ask.ContactId]));
        foreach (var own in asks.Where(a => a.Status is EngagementStatus.Completed or EngagementStatus.Scheduled).GroupBy(a => a.ContactId))
        {
            var inOrder = own.OrderBy(a => a.At).ToList();
            for (var i = 1; i < inOrder.Count; i++)
            {
                var resting = DateOnly.FromDateTime(inOrder[i - 1].At.UtcDateTime).AddDays(rest[inOrder[i - 1].ActivityTypeId!.Value]);
                Assert.True(DateOnly.FromDateTime(inOrder[i].At.UtcDateTime) >= resting, $"contact {own.Key} asked again on {inOrder[i].At:d}, resting until {resting}");
            }
        }
        Assert.Equal(asks.Count, requests.Count);
        Assert.All(asks, ask =>
        {
            var request = requests[ask.RequestId!.Value];
            Assert.Equal((ask.Id, ask.ContactId, ask.ActivityTypeId, ask.Rating), (request.EngagementId!.Value, request.ContactId!.Value, request.ActivityTypeId, request.Rating));
            Assert.Equal(request.Status switch
            {
                RequestStatus.Completed or RequestStatus.FeedbackRecorded => EngagementStatus.Completed,
                RequestStatus.Scheduled => EngagementStatus.Scheduled,
                RequestStatus.Declined or RequestStatus.Cancelled or RequestStatus.Expired => EngagementStatus.Released,
                _ => EngagementStatus.Reserved,
            }, ask.Status);
        });
        var ended = requests.Values.Count(r => r.Status == RequestStatus.FeedbackRecorded);
        Assert.InRange(ended / (double)requests.Count, 0.65, 0.85);
        Assert.All(requests.Values.Where(r => r.Status == RequestStatus.FeedbackRecorded), r => Assert.InRange(r.Rating!.Value, 1, 5));
    }

    [Fact]
    public async Task Seed_scale_writes_the_programs_in_proportion_with_their_asks_and_gives_in_the_ledger()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        Assert.Equal(0, (await VouchAsync(database, "migrate")).ExitCode);

        var seeded = await VouchAsync(database, "seed", "--scale", "3000");
        var again = await VouchAsync(database, "seed", "--programs");

        Assert.True(seeded.ExitCode == 0, seeded.Error);
        Assert.Equal(1, again.ExitCode);
        var options = new DbContextOptionsBuilder<VouchDbContext>();
        options.UseVouchDatabase(new DatabaseSettings(Enum.Parse<DatabaseProvider>(database.Provider), database.ConnectionString));
        await using var db = new VouchDbContext(options.Options);
        var ledger = await db.Engagements.AsNoTracking().Where(e => e.RequestId == null)
            .Select(e => new { e.Id, e.ContactId, e.Kind, Activity = e.ActivityType!.Key }).ToDictionaryAsync(e => e.Id, ct);
        var referrals = await db.Set<Referral>().AsNoTracking().ToListAsync(ct);
        Assert.Equal(3000 / 50, referrals.Count);
        Assert.Equal(referrals.Count, ledger.Values.Count(e => e.Activity == "referral"));
        Assert.All(referrals, r => Assert.Contains(ledger.Values, e => e.ContactId == r.ReferredById && e.Activity == "referral"));
        Assert.Equal(referrals.Count, referrals.Select(r => r.CompanyDomain).Distinct().Count());
        Assert.Contains(referrals, r => r.OpportunityId is not null);

        Assert.Equal(10, await db.Set<Event>().CountAsync(ct));
        var speakers = await db.Set<EventSpeaker>().AsNoTracking().ToListAsync(ct);
        Assert.InRange(speakers.Count, 10, 30);
        Assert.All(speakers, s => Assert.Equal((EngagementKind.Ask, EngagementKind.Give, s.ContactId, s.ContactId),
            (ledger[s.AskEngagementId].Kind, ledger[s.GiveEngagementId].Kind, ledger[s.AskEngagementId].ContactId, ledger[s.GiveEngagementId].ContactId)));
        var report = new EventReport(db, Options.Create(new EventOptions()), TimeProvider.System);
        var tallies = await report.TallyAsync(DateOnly.FromDateTime(DateTime.UtcNow), report.WindowDays, ct);
        Assert.True(tallies.Sum(t => t.Converted) > 0, "some prospects who came became customers");
        Assert.True(tallies.Sum(t => t.Converted) < tallies.Sum(t => t.Prospects), "not every prospect who came became a customer");

        var conversations = await db.Set<ExecutiveConversation>().AsNoTracking().ToListAsync(ct);
        Assert.Equal(3, conversations.Select(c => c.ExecutiveId).Distinct().Count());
        Assert.All(conversations, c => Assert.Equal((EngagementKind.Give, c.ContactId), (ledger[c.EngagementId!.Value].Kind, ledger[c.EngagementId.Value].ContactId)));
        Assert.True(await db.Set<AccountReview>().AnyAsync(r => r.Health == DeliveryHealth.Red || r.Health == DeliveryHealth.Amber, ct)
            || await db.Accounts.CountAsync(a => a.Segment == Segment.Enterprise, ct) < 20, "a few enterprise accounts are in poor health");
    }

    [Fact]
    public async Task Seed_ideas_writes_ideas_votes_and_tokens_whose_derived_records_a_reindex_finds_current()
    {
        await using var database = await TestDatabase.CreateAsync();
        Assert.Equal(0, (await VouchAsync(database, "migrate")).ExitCode);
        Assert.Equal(0, (await VouchAsync(database, "seed", "--scale", "500")).ExitCode);
        var tokens = Path.Combine(Directory.CreateTempSubdirectory("vouch-tokens-").FullName, "tokens.txt");

        var seeded = await VouchAsync(database, "seed", "--ideas", "300", "--votes", "6000", "--tokens", "5", "--tokens-file", tokens);
        var again = await VouchAsync(database, "seed", "--ideas", "10");
        var reindex = await VouchAsync(database, "ideas", "reindex");

        Assert.True(seeded.ExitCode == 0, seeded.Error);
        var options = new DbContextOptionsBuilder<VouchDbContext>();
        options.UseVouchDatabase(new DatabaseSettings(Enum.Parse<DatabaseProvider>(database.Provider), database.ConnectionString));
        await using (var db = new VouchDbContext(options.Options))
        {
            Assert.Equal(300, await db.Ideas.CountAsync(TestContext.Current.CancellationToken));
            Assert.Equal(6000, await db.IdeaVotes.CountAsync(TestContext.Current.CancellationToken));
            Assert.Equal(6000, await db.Ideas.SumAsync(i => i.VoteCount, TestContext.Current.CancellationToken));
            Assert.True(await db.IdeaDemands.AnyAsync(TestContext.Current.CancellationToken), "customers among the voters give demand per facet");
            Assert.True(await db.IdeaTerms.CountAsync(TestContext.Current.CancellationToken) > 300);
        }
        Assert.Equal(5, File.ReadAllLines(tokens).Length);
        Assert.Equal(1, again.ExitCode);
        Assert.True(reindex.ExitCode == 0, reindex.Error);
        Assert.Contains(reindex.Output.Split('\n', StringSplitOptions.TrimEntries), line => line.EndsWith("0 had changed.", StringComparison.Ordinal));
        Assert.StartsWith("Embedded 300 ideas", reindex.LastLine, StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(tokens)!, recursive: true);
    }

    [Fact]
    public async Task Backup_makes_a_copy_and_will_not_overwrite_without_force()
    {
        await using var database = await TestDatabase.CreateAsync();
        Assert.Equal(0, (await VouchAsync(database, "migrate")).ExitCode);
        Assert.Equal(0, (await VouchAsync(database, "seed", "--scale", "300")).ExitCode);
        var folder = Directory.CreateTempSubdirectory("vouch-backup-").FullName;
        var file = Path.Combine(folder, "vouch.backup");

        var backup = await VouchAsync(database, "backup", file);
        var refused = await VouchAsync(database, "backup", file);

        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.True(new FileInfo(file).Length > 0);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        if (!database.IsPostgres)
        {
            // The copy is a database of its own with the same rows.
            await using var copy = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
            await copy.OpenAsync(TestContext.Current.CancellationToken);
            await using var count = copy.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM \"Contacts\"";
            Assert.Equal(300L, await count.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }
        Directory.Delete(folder, recursive: true);
    }
}
