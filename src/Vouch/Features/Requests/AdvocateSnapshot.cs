using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.ActivityTypes;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Matching;

namespace Vouch.Features.Requests;

/// <summary>
/// The <see cref="AdvocatePool"/> of this instance: every referenceable contact in memory, read from the database and
/// kept for a bounded time.
/// </summary>
/// <remarks>
/// A change to contacts, accounts, blackouts or their join tables saved through this instance is applied to the pool
/// before the next matching: the contacts it touched (and every contact of an account it touched) are read again and
/// replace their old selves, so a manager who records a consent sees it at once without waiting for the whole pool. A
/// change to activity types rebuilds the whole pool first. Changes saved elsewhere (another instance, another process)
/// are told by <see cref="SnapshotNotifications"/> on PostgreSQL and taken in the same way; without word of them (another
/// process, a lost notification) they are seen once <see cref="RequestOptions.AdvocatePoolSeconds"/> have passed since
/// the last rebuild finished: the first matching after that starts a rebuild in the background and is answered from the
/// old pool, so what a matching reads is at most that long plus two rebuilds old. The ledger in the pool only orders the shortlist; the matching
/// reads the ledger again for it, and assigning checks every rule against the database.
/// </remarks>
public sealed class AdvocateSnapshot(IServiceScopeFactory scopes, IOptions<RequestOptions> options, TimeProvider clock, ILogger<AdvocateSnapshot> logger)
    : RefreshingSnapshot<AdvocatePool, PoolChange>(scopes, TimeSpan.FromSeconds(options.Value.AdvocatePoolSeconds), clock, logger), ISharedSnapshot
{
    public string Name => "advocate-pool";

    /// <summary>Called when this instance saved a change to what makes a contact referenceable; without a word of which, the whole pool is read again.</summary>
    public void Changed(PoolChange? what = null) => Tell(what);

    /// <summary>The contacts are read again whenever they are told, so a change told twice does no harm.</summary>
    public void ChangedElsewhere(JsonElement? change, DateTimeOffset savedFrom) =>
        Tell(change?.Deserialize<PoolChange.Ids>() is { } ids ? new PoolChange(ids.Contacts.ToHashSet(), ids.Accounts.ToHashSet()) : null);

    protected override async Task<Loaded> LoadAsync(VouchDbContext db, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var advocates = await ReadAsync(db, null, vocabulary, today, ct);
        return new Loaded(new AdvocatePool(advocates, vocabulary, await AccountAsksAsync(db, today, ct), Clock.GetUtcNow()));
    }

    /// <summary>The contacts the changes touched are read again and replace their old selves.</summary>
    protected override async ValueTask<AdvocatePool> ApplyAsync(AdvocatePool pool, IReadOnlyList<PoolChange> changes, CancellationToken ct)
    {
        var contacts = changes.SelectMany(p => p.Contacts).ToHashSet();
        var accounts = changes.SelectMany(p => p.Accounts).ToHashSet();
        var vocabulary = new Dictionary<string, int>(pool.Vocabulary, StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        var arriving = await WithDatabaseAsync(db => ReadAsync(db, new PoolChange(contacts, accounts), vocabulary, today, ct));
        return pool.With(a => contacts.Contains(a.Candidate.ContactId) || accounts.Contains(a.Candidate.Account.Id), arriving, vocabulary);
    }

    protected override string Describe(AdvocatePool pool) => $"Advocate pool of {pool.Count} referenceable contacts";

    /// <summary>
    /// The referenceable contacts, all of them or those <paramref name="only"/> names (by contact or by account), with their
    /// accounts, activities, blackouts and ledger; the join tables are read whole for all of them (one pass each, rather
    /// than a query per contact).
    /// </summary>
    private static async Task<List<PooledAdvocate>> ReadAsync(
        VouchDbContext db, PoolChange? only, Dictionary<string, int> vocabulary, DateOnly today, CancellationToken ct)
    {
        var referenceable = db.Contacts.AsNoTracking().Where(c => c.Consent != ConsentLevel.None || c.AgreedActivities.Any());
        if (only is not null)
        {
            var (contactIds, accountIds) = (only.Contacts.ToList(), only.Accounts.ToList());
            referenceable = referenceable.Where(c => contactIds.Contains(c.Id) || accountIds.Contains(c.AccountId));
        }
        var contacts = await referenceable
            .Select(c => new
            {
                c.Id, c.AccountId, c.FirstName, c.LastName, c.Title, c.Consent, c.ConsentExpiresOn, c.MaxAsksPerQuarter,
                c.SocialCapitalWanted, c.UseCase, c.Results, c.Quotes,
            })
            .ToListAsync(ct);
        var ids = only is null ? null : contacts.Select(c => c.Id).ToList();
        var accountsRead = only is null ? null : contacts.Select(c => c.AccountId).Distinct().ToList();

        var agreedRows = db.Set<Dictionary<string, object>>("ContactActivityTypes")
            .Select(j => new { ContactId = EF.Property<Guid>(j, "ContactId"), Id = EF.Property<Guid>(j, "AgreedActivitiesId") });
        var agreed = (await (ids is null ? agreedRows : agreedRows.Where(a => ids.Contains(a.ContactId))).ToListAsync(ct))
            .ToLookup(a => a.ContactId, a => a.Id);
        var blackoutRows = db.ContactBlackouts.AsNoTracking().Where(b => b.Ends >= today);
        var blackouts = (await (ids is null ? blackoutRows : blackoutRows.Where(b => ids.Contains(b.ContactId))).ToListAsync(ct))
            .ToLookup(b => b.ContactId, b => new BlackoutDates(b.Starts, b.Ends));
        var productRows = db.Set<Dictionary<string, object>>("AccountProducts")
            .Select(j => new { AccountId = EF.Property<Guid>(j, "AccountId"), Id = EF.Property<Guid>(j, "ProductsId") });
        var products = (await (accountsRead is null ? productRows : productRows.Where(p => accountsRead.Contains(p.AccountId))).ToListAsync(ct))
            .ToLookup(p => p.AccountId, p => p.Id);
        var accountRows = db.Accounts.AsNoTracking()
            .Select(a => new { a.Id, a.Name, a.IndustryId, a.Region, a.CountryCode, a.Employees, a.CompetitorsReplaced, a.ContractDate });
        var wanted = contacts.Select(c => c.AccountId).ToHashSet();
        var accounts = (await (accountsRead is null ? accountRows : accountRows.Where(a => accountsRead.Contains(a.Id))).ToListAsync(ct))
            .Where(a => wanted.Contains(a.Id))
            .ToDictionary(a => a.Id, a => (a.Name, Account: new CandidateAccount(
                a.Id, a.IndustryId, [.. products[a.Id]], a.Region, a.CountryCode, a.Employees, a.CompetitorsReplaced, a.ContractDate)));

        var since = new DateTimeOffset(today.AddYears(-CandidatePool.LedgerYears).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var askRows = db.Engagements.AsNoTracking().Where(e => e.Kind == EngagementKind.Ask && e.At >= since);
        var ledger = (await (ids is null ? askRows : askRows.Where(e => ids.Contains(e.ContactId)))
                .Select(e => new { Engagement = e, e.ActivityType!.RestPeriodDays })
                .ToListAsync(ct))
            .Select(a => a.Engagement.ToPastAsk(a.RestPeriodDays))
            .ToLookup(a => a.ContactId);

        var advocates = new List<PooledAdvocate>(contacts.Count);
        foreach (var c in contacts)
        {
            if (!accounts.TryGetValue(c.AccountId, out var account))
            {
                continue;
            }
            var story = Contact.StoryOf(c.UseCase, c.Results, c.Quotes);
            var terms = Matcher.Terms(story).Select(t => vocabulary.TryGetValue(t, out var id) ? id : vocabulary[t] = vocabulary.Count).ToArray();
            Array.Sort(terms);
            var candidate = new MatchCandidate(
                c.Id, account.Account, c.Consent, c.ConsentExpiresOn, [.. agreed[c.Id]], c.MaxAsksPerQuarter, [.. blackouts[c.Id]],
                c.SocialCapitalWanted, story);
            advocates.Add(new PooledAdvocate(candidate, $"{c.FirstName} {c.LastName}", c.Title, account.Name, terms,
                LedgerSummary.Of([.. ledger[c.Id]], today)));
        }
        return advocates;
    }

    /// <summary>Per account, the asks not released in this quarter.</summary>
    private static async Task<Dictionary<Guid, (int Quarter, int Asks)>> AccountAsksAsync(VouchDbContext db, DateOnly today, CancellationToken ct)
    {
        var quarter = Quarter.Of(today);
        var quarterStarted = new DateTimeOffset(new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var asks = await db.Engagements.AsNoTracking()
            .Where(e => e.Kind == EngagementKind.Ask && e.Status != EngagementStatus.Released && e.At >= quarterStarted)
            .Select(e => new { e.AccountId, e.At })
            .ToListAsync(ct);
        return asks.Where(a => Quarter.Of(DateOnly.FromDateTime(a.At.UtcDateTime)) == quarter)
            .GroupBy(a => a.AccountId)
            .ToDictionary(g => g.Key, g => (quarter, g.Count()));
    }
}

/// <summary>What a save changed for the advocate pool: contacts, and accounts with all their contacts.</summary>
public sealed record PoolChange(IReadOnlySet<Guid> Contacts, IReadOnlySet<Guid> Accounts)
{
    /// <summary>A pool change as another instance sent it.</summary>
    internal sealed record Ids(Guid[] Contacts, Guid[] Accounts);
}

/// <summary>
/// Tells the <see cref="AdvocateSnapshot"/> of this instance and of the others when a save changed what makes a contact
/// referenceable, or their asks.
/// </summary>
public sealed class ReferenceabilityChanges(AdvocateSnapshot snapshot, SnapshotNotifications others, TimeProvider clock) : SnapshotChanges
{
    public override void ChangedOutsideSaves(DbContext context)
    {
        snapshot.Changed();
        others.Send(context, snapshot.Name, null, clock.GetUtcNow());
    }

    protected override Action? Noticed(DbContext context)
    {
        var savedFrom = clock.GetUtcNow();
        var (contacts, accounts, everything) = (new HashSet<Guid>(), new HashSet<Guid>(), false);
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            switch (entry.Entity)
            {
                case Contact contact:
                    contacts.Add(contact.Id);
                    break;
                case Account account:
                    accounts.Add(account.Id);
                    break;
                case ContactBlackout blackout:
                    contacts.Add(blackout.ContactId);
                    break;
                case Engagement engagement:
                    contacts.Add(engagement.ContactId);
                    break;
                case ActivityType:
                    everything = true;
                    break;
                default:
                    switch (entry.Metadata.GetTableName())
                    {
                        case "ContactActivityTypes":
                            contacts.Add((Guid)entry.Property("ContactId").CurrentValue!);
                            break;
                        case "AccountProducts":
                            accounts.Add((Guid)entry.Property("AccountId").CurrentValue!);
                            break;
                    }
                    break;
            }
        }
        if (everything)
        {
            return () =>
            {
                snapshot.Changed();
                others.Send(context, snapshot.Name, null, savedFrom);
            };
        }
        if (contacts.Count == 0 && accounts.Count == 0)
        {
            return null;
        }
        var change = new PoolChange(contacts, accounts);
        return () =>
        {
            snapshot.Changed(change);
            others.Send(context, snapshot.Name, change, savedFrom);
        };
    }
}
