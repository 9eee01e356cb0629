using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Options;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Catalog;
using Vouch.Features.Opportunities;
using Vouch.Features.Requests;
using NewRequests = System.Collections.Generic.IReadOnlyList<(System.Guid Id, Vouch.Features.SupplyDemand.RequestFact Fact)>;

namespace Vouch.Features.SupplyDemand;

/// <summary>
/// The <see cref="MarketHistory"/> of this instance, read from the database and kept as long as the advocate pool
/// (<see cref="RequestOptions.AdvocatePoolSeconds"/>), with the same promise: changes saved through this instance are
/// seen at once; changes saved elsewhere once the bound has passed since the last rebuild finished, the first report
/// after that starting a rebuild and being answered from the old history.
/// </summary>
/// <remarks>
/// Changes saved on other instances are told by <see cref="SnapshotNotifications"/> on PostgreSQL and taken in the same
/// way. A request made through this instance is laid on top of the history (<see cref="Added"/>) until a rebuild has read
/// it, so making requests never makes a report wait. Any other change the history counts makes the next report wait
/// for a new one. A rebuild drops the requests laid on top that it read. A request saved while a rebuild read the
/// database and told only after that rebuild was taken in may or may not have been read: such a request makes the
/// next report wait for a new history instead, so that nothing is counted twice or missed.
/// </remarks>
public sealed class MarketSnapshot(IServiceScopeFactory scopes, IOptions<RequestOptions> options, TimeProvider clock, ILogger<MarketSnapshot> logger)
    : RefreshingSnapshot<MarketHistory, NewRequests>(scopes, TimeSpan.FromSeconds(options.Value.AdvocatePoolSeconds), clock, logger), ISharedSnapshot
{
    /// <summary>How long after they were made a history knows the requests it read by id.</summary>
    public static readonly TimeSpan RecentlyMade = TimeSpan.FromMinutes(5);

    /// <summary>How far apart the clocks of two instances may be.</summary>
    private static readonly TimeSpan s_clockSkew = TimeSpan.FromMinutes(1);

    /// <summary>Requests laid on top of one history at most; beyond that the next report reads a new history.</summary>
    public const int MaxRecent = 10_000;

    /// <summary>Called when this instance saved a change to what the history counts, other than new requests.</summary>
    public void Changed() => Tell(null);

    /// <summary>
    /// Called when this instance saved new <paramref name="requests"/>, having seen <paramref name="generation"/>
    /// before the save.
    /// </summary>
    public void Added(NewRequests requests, long generation) => Tell(requests, generation);

    public string Name => "market-history";

    /// <summary>
    /// New requests saved elsewhere are laid on top like those saved here, except those a history holds: it knows the
    /// requests made within <see cref="RecentlyMade"/> of its read, and one taken in later than that after their save
    /// began is read again instead (a notification that late is rare).
    /// </summary>
    public void ChangedElsewhere(JsonElement? change, DateTimeOffset savedFrom)
    {
        if (change?.Deserialize<List<NewRequest>>() is { } requests)
        {
            Tell([.. requests.Select(r => (r.Id, r.Fact))], knownUntil: savedFrom + RecentlyMade - s_clockSkew);
        }
        else
        {
            Tell(null);
        }
    }

    /// <summary>A new request as it is sent to the other instances.</summary>
    internal sealed record NewRequest(Guid Id, RequestFact Fact);

    protected override async Task<Loaded> LoadAsync(VouchDbContext db, CancellationToken ct)
    {
        var (history, read) = await ReadAsync(db, Clock.GetUtcNow(), ct);
        return new Loaded(history, told => Unread(told, read));
    }

    protected override ValueTask<MarketHistory> ApplyAsync(MarketHistory history, IReadOnlyList<NewRequests> changes, CancellationToken ct) =>
        ValueTask.FromResult(history.With([.. changes.SelectMany(c => c)]));

    protected override bool HasRoomFor(IEnumerable<NewRequests> told, NewRequests change) => told.Sum(t => t.Count) + change.Count <= MaxRecent;

    protected override string Describe(MarketHistory history) => "Market history";

    /// <summary>Of the requests <paramref name="told"/>, those a history did not <paramref name="read"/>: they stay laid on top.</summary>
    private static List<NewRequests?> Unread(IReadOnlyList<NewRequests> told, IEnumerable<Guid> read)
    {
        var wasRead = told.SelectMany(t => t.Select(r => r.Id)).ToHashSet();
        wasRead.IntersectWith(read);
        return [.. told.Select(t => t.Where(r => !wasRead.Contains(r.Id)).ToList() is { Count: > 0 } unread ? unread : null)];
    }

    /// <summary>
    /// Every request and deal, read narrowly: the join tables whole, rather than a query per record; with the ids of
    /// the requests read.
    /// </summary>
    public static async Task<(MarketHistory History, IEnumerable<Guid> RequestIds)> ReadAsync(VouchDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        // Requests before their products: a request read was saved with its products, so they are read too.
        var rows = await db.ReferenceRequests.AsNoTracking()
            .Select(r => new { r.Id, r.CreatedAt, r.ActivityTypeId, r.IndustryId, r.Region, ForOpportunity = r.OpportunityId != null })
            .ToListAsync(ct);
        var requestProducts = (await db.Set<Dictionary<string, object>>("ReferenceRequestProducts")
                .Select(j => new { RequestId = EF.Property<Guid>(j, "ReferenceRequestId"), ProductId = EF.Property<Guid>(j, "ProductsId") })
                .ToListAsync(ct))
            .ToLookup(j => j.RequestId, j => j.ProductId);
        var requests = rows
            .Select(r => new RequestFact(
                DateOnly.FromDateTime(r.CreatedAt.UtcDateTime), r.ActivityTypeId, r.IndustryId, r.Region, [.. requestProducts[r.Id]], r.ForOpportunity))
            .ToList();

        var open = db.Opportunities.Where(o => !o.IsClosed);
        var dealProducts = (await (
                from op in db.Set<Dictionary<string, object>>("OpportunityProducts")
                join o in open on EF.Property<Guid>(op, "OpportunityId") equals o.Id
                select new { DealId = o.Id, ProductId = EF.Property<Guid>(op, "ProductsId") })
                .ToListAsync(ct))
            .ToLookup(j => j.DealId, j => j.ProductId);
        // Through the account, so that deals of deleted accounts are left out.
        var openDeals = (await open.AsNoTracking()
                .Select(o => new { o.Id, o.CloseDate, o.Account!.IndustryId, o.Account.Region })
                .ToListAsync(ct))
            .Select(d => new OpenDealFact(d.CloseDate, d.IndustryId, d.Region, [.. dealProducts[d.Id]]));
        var closedDates = await db.Opportunities.Where(o => o.IsClosed).Select(o => o.CloseDate).ToListAsync(ct);

        var recentIds = rows.Where(r => r.CreatedAt >= now - RecentlyMade).Select(r => r.Id).ToHashSet();
        return (new MarketHistory(requests, openDeals, closedDates, now, recentIds), rows.Select(r => r.Id));
    }
}

/// <summary>
/// Tells the <see cref="MarketSnapshot"/> when a save changed a request or deal in what the report counts: the new
/// requests themselves when that is all it did, or that the history is out of date.
/// </summary>
public sealed class MarketChanges(MarketSnapshot snapshot, SnapshotNotifications others, TimeProvider clock) : SnapshotChanges
{
    public override void ChangedOutsideSaves(DbContext context)
    {
        snapshot.Changed();
        others.Send(context, snapshot.Name, null, clock.GetUtcNow());
    }

    private static readonly HashSet<string> s_joinTables = ["ReferenceRequestProducts", "OpportunityProducts"];

    // Requests move through their workflow all day; only what places them in the market matters here.
    private static readonly HashSet<string> s_counted =
    [
        nameof(ReferenceRequest.CreatedAt), nameof(ReferenceRequest.ActivityTypeId), nameof(ReferenceRequest.IndustryId),
        nameof(ReferenceRequest.Region), nameof(ReferenceRequest.OpportunityId),
        nameof(Opportunity.CloseDate), nameof(Opportunity.IsClosed), nameof(Opportunity.AccountId),
        nameof(Account.IndustryId), nameof(Account.Region), nameof(Account.DeletedAt),
    ];

    private static bool Counts(EntityEntry entry) => entry.Entity switch
    {
        ReferenceRequest or Opportunity => entry.State is EntityState.Added or EntityState.Deleted || Modifies(entry),
        Account => entry.State is EntityState.Deleted || Modifies(entry),
        // Requests and deals lose them in the database (set to none, or the product struck from their list).
        Industry or Product => entry.State is EntityState.Deleted,
        _ => entry.State is EntityState.Added or EntityState.Deleted && s_joinTables.Contains(entry.Metadata.GetTableName() ?? ""),
    };

    private static bool Modifies(EntityEntry entry) =>
        entry.State is EntityState.Modified && entry.Properties.Any(p => p.IsModified && s_counted.Contains(p.Metadata.Name));

    protected override Action? Noticed(DbContext context)
    {
        var counted = context.ChangeTracker.Entries().Where(Counts).ToList();
        if (counted.Count == 0)
        {
            return null;
        }
        var savedFrom = clock.GetUtcNow();
        var added = counted.Select(e => e.Entity).OfType<ReferenceRequest>().Where(r => context.Entry(r).State == EntityState.Added).ToList();
        var addedIds = added.Select(r => r.Id).ToHashSet();
        // New requests with their products, saved on their own (a transaction of the caller's could still be rolled back).
        var onlyNewRequests = context.Database.CurrentTransaction is null && counted.All(e =>
            e.State == EntityState.Added
            && (e.Entity is ReferenceRequest
                || (e.Metadata.GetTableName() == "ReferenceRequestProducts" && e.Property("ReferenceRequestId").CurrentValue is Guid id && addedIds.Contains(id))));
        if (!onlyNewRequests)
        {
            return () =>
            {
                snapshot.Changed();
                others.Send(context, snapshot.Name, null, savedFrom);
            };
        }
        NewRequests requests = [.. added.Select(r => (r.Id, new RequestFact(
            DateOnly.FromDateTime(r.CreatedAt.UtcDateTime), r.ActivityTypeId, r.IndustryId, r.Region, [.. r.Products.Select(p => p.Id)], r.OpportunityId != null)))];
        var generation = snapshot.Generation;
        return () =>
        {
            snapshot.Added(requests, generation);
            others.Send(context, snapshot.Name, requests.Select(r => new MarketSnapshot.NewRequest(r.Id, r.Fact)).ToList(), savedFrom);
        };
    }
}
