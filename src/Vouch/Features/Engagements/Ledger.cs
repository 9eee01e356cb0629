using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vouch.Data;

namespace Vouch.Features.Engagements;

/// <summary>A ledger entry as the balance weighs it, read in SQL: <see cref="BalanceEntry"/> with its contact and time.</summary>
public sealed class WeighedEntry
{
    public Guid ContactId { get; init; }
    public EngagementKind Kind { get; init; }
    public DateTimeOffset At { get; init; }
    public decimal Hours { get; init; }
    public bool Counts { get; init; }
}

/// <summary>One contact's balance as SQL adds it up (see <see cref="Ledger.Aggregated"/>).</summary>
public sealed class BalanceRow
{
    public Guid ContactId { get; init; }
    public int Asks { get; init; }
    public double AskedHours { get; init; }
    public int Gives { get; init; }
    public double GivenHours { get; init; }
}

/// <summary>Reads the engagement ledger into give/ask balances.</summary>
public sealed class Ledger(VouchDbContext db, IOptions<ExchangeOptions> options, TimeProvider clock)
{
    /// <summary>
    /// What each entry weighs and whether it counts (decision 19), the one definition both the balance of a few
    /// contacts and the reports over all of them read. The activity's effort is read by an explicit left join, so a
    /// GROUP BY over these rows sums them in one pass; through the navigation, EF Core wrote each sum as a correlated
    /// subquery over the whole ledger.
    /// </summary>
    public IQueryable<WeighedEntry> Weigh(IQueryable<Engagement> entries) =>
        from e in entries
        join a in db.ActivityTypes on e.ActivityTypeId equals a.Id into types
        from a in types.DefaultIfEmpty()
        select new WeighedEntry
        {
            ContactId = e.ContactId,
            Kind = e.Kind,
            At = e.At,
            Hours = e.Kind == EngagementKind.Ask ? a!.EffortHours : e.CreditHours ?? 0,
            Counts = e.Kind == EngagementKind.Ask ? e.Status != EngagementStatus.Released : e.Status == EngagementStatus.Completed,
        };

    public ExchangeOptions Options => options.Value;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<GiveAskBalance> BalanceAsync(Guid contactId, CancellationToken ct) =>
        (await BalancesAsync([contactId], ct)).GetValueOrDefault(contactId) ?? EmptyBalance;

    /// <summary>The balance of each contact given; one with nothing in the window is left out.</summary>
    public async Task<IReadOnlyDictionary<Guid, GiveAskBalance>> BalancesAsync(IReadOnlyCollection<Guid> contactIds, CancellationToken ct)
    {
        var (today, window) = (Today, Options.BalanceWindowDays);
        var (since, _) = Window();
        var entries = await Weigh(db.Engagements.AsNoTracking().Where(e => EF.Parameter(contactIds).Contains(e.ContactId) && e.At >= since))
            .ToListAsync(ct);
        return entries.GroupBy(e => e.ContactId).ToDictionary(
            g => g.Key,
            g => GiveAskBalance.Of(g.Select(e => new BalanceEntry(e.Kind, DateOnly.FromDateTime(e.At.UtcDateTime), e.Hours, e.Counts)), today, window));
    }

    public GiveAskBalance EmptyBalance => GiveAskBalance.Empty with { WindowDays = Options.BalanceWindowDays };

    /// <summary>The window's first moment and the first moment after it (midnight UTC starting tomorrow).</summary>
    public (DateTimeOffset Since, DateTimeOffset Until) Window()
    {
        var today = Today;
        return (AtStartOf(today.AddDays(-Options.BalanceWindowDays + 1)), AtStartOf(today.AddDays(1)));

        static DateTimeOffset AtStartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }

    /// <summary>
    /// The balance of every contact of <paramref name="entries"/>, added up in SQL (GROUP BY the contact over the
    /// window, which the (ContactId, At) index serves): what <see cref="GiveAskBalance.Of"/> makes of the same entries,
    /// for a report over every advocate without loading their rows. Hours are summed as doubles, because SQLite cannot
    /// sum decimals; every entry has at most two decimals, so <see cref="ToBalance"/> rounds back to the exact sum.
    /// </summary>
    public IQueryable<BalanceRow> Aggregated(IQueryable<Engagement> entries)
    {
        var (since, until) = Window();
        return Weigh(entries.Where(e => e.At >= since && e.At < until))
            .Where(e => e.Counts)
            .GroupBy(e => e.ContactId)
            .Select(g => new BalanceRow
            {
                ContactId = g.Key,
                Asks = g.Count(e => e.Kind == EngagementKind.Ask),
                AskedHours = g.Sum(e => e.Kind == EngagementKind.Ask ? (double)e.Hours : 0.0),
                Gives = g.Count(e => e.Kind == EngagementKind.Give),
                GivenHours = g.Sum(e => e.Kind == EngagementKind.Give ? (double)e.Hours : 0.0),
            });
    }

    /// <summary>The rows of <see cref="Aggregated"/> of advocates owed a give, as <see cref="GiveAskBalance.IsOwed"/> says it.</summary>
    public IQueryable<BalanceRow> Owed(IQueryable<BalanceRow> rows)
    {
        // Half a hundredth below the threshold: sums of two-decimal hours in doubles may land a hair under it.
        var threshold = (double)Options.OwedAfterHours - 0.005;
        return rows.Where(r => r.AskedHours - r.GivenHours >= threshold);
    }

    public GiveAskBalance ToBalance(BalanceRow row) =>
        new(row.Asks, Hours(row.AskedHours), row.Gives, Hours(row.GivenHours), Options.BalanceWindowDays);

    /// <summary>Which of <paramref name="contactIds"/> are owed a give before the next ask; one query.</summary>
    public async Task<IReadOnlySet<Guid>> OwedAsync(IReadOnlyCollection<Guid> contactIds, CancellationToken ct)
    {
        if (contactIds.Count == 0)
        {
            return new HashSet<Guid>();
        }
        var owed = await Owed(Aggregated(db.Engagements.Where(e => EF.Parameter(contactIds).Contains(e.ContactId))))
            .Select(r => r.ContactId).ToListAsync(ct);
        return owed.ToHashSet();
    }

    private static decimal Hours(double hours) => Math.Round((decimal)hours, 2);
}
