using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vouch.Data;

namespace Vouch.Features.Engagements;

/// <summary>Reads the engagement ledger into give/ask balances.</summary>
public sealed class Ledger(VouchDbContext db, IOptions<ExchangeOptions> options, TimeProvider clock)
{
    public ExchangeOptions Options => options.Value;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<GiveAskBalance> BalanceAsync(Guid contactId, CancellationToken ct) =>
        (await BalancesAsync([contactId], ct)).GetValueOrDefault(contactId) ?? EmptyBalance;

    /// <summary>The balance of each contact given; one with nothing in the window is left out.</summary>
    public async Task<IReadOnlyDictionary<Guid, GiveAskBalance>> BalancesAsync(IReadOnlyCollection<Guid> contactIds, CancellationToken ct)
    {
        var (today, window) = (Today, Options.BalanceWindowDays);
        var since = new DateTimeOffset(today.AddDays(-window + 1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var entries = await db.Engagements.AsNoTracking()
            .Where(e => EF.Parameter(contactIds).Contains(e.ContactId) && e.At >= since)
            .Select(e => new
            {
                e.ContactId,
                e.Kind,
                e.At,
                Hours = e.Kind == EngagementKind.Ask ? e.ActivityType!.EffortHours : e.CreditHours ?? 0,
                Counts = e.Kind == EngagementKind.Ask ? e.Status != EngagementStatus.Released : e.Status == EngagementStatus.Completed,
            })
            .ToListAsync(ct);
        return entries.GroupBy(e => e.ContactId).ToDictionary(
            g => g.Key,
            g => GiveAskBalance.Of(g.Select(e => new BalanceEntry(e.Kind, DateOnly.FromDateTime(e.At.UtcDateTime), e.Hours, e.Counts)), today, window));
    }

    public GiveAskBalance EmptyBalance => GiveAskBalance.Empty with { WindowDays = Options.BalanceWindowDays };
}
