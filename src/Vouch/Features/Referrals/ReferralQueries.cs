using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Web;

namespace Vouch.Features.Referrals;

/// <summary>
/// Reading referrals: the list, one referral, and what referrals came to per advocate, per account and over the program.
/// Won or lost is read from the linked deal (<see cref="ReferralStages.Outcome"/>), in SQL where it filters or counts.
/// </summary>
public sealed class ReferralQueries(VouchDbContext db)
{
    public const int TopReferrersShown = 10;

    public async Task<Paged<ReferralSummary>> ListAsync(PageQuery page, ReferralFilter filter, CancellationToken ct)
    {
        var referrals = db.Set<Referral>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(page.Q))
        {
            var text = page.Q.Trim().ToLowerInvariant();
            referrals = referrals.Where(r => r.Company.ToLower().Contains(text) || r.PersonName.ToLower().Contains(text)
                || (r.CompanyDomain != null && r.CompanyDomain.Contains(text)) || (r.PersonEmail != null && r.PersonEmail.Contains(text)));
        }
        if (filter.ReferrerContactId is { } referrer)
        {
            referrals = referrals.Where(r => r.ReferredById == referrer);
        }
        if (filter.AccountId is { } account)
        {
            referrals = referrals.Where(r => r.AccountId == account);
        }
        if (EnumText.ParseOrNull<ReferralStatus>(filter.Status) is { } status)
        {
            referrals = status switch
            {
                ReferralStatus.Won => referrals.Where(r => r.Opportunity != null && r.Opportunity.IsClosed && r.Opportunity.IsWon),
                ReferralStatus.Lost => referrals.Where(r => r.Opportunity == null ? r.Status == ReferralStatus.Lost : r.Opportunity.IsClosed && !r.Opportunity.IsWon),
                ReferralStatus.Opportunity => referrals.Where(r => r.Opportunity != null && !r.Opportunity.IsClosed),
                _ => referrals.Where(r => r.OpportunityId == null && r.Status == status),
            };
        }
        var total = await referrals.CountAsync(ct);
        var rows = await referrals.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Skip(page.Skip).Take(page.Size)
            .Select(r => new
            {
                r.Id, r.ReferredById, ReferredBy = r.ReferredBy!.FirstName + " " + r.ReferredBy.LastName, r.AccountId,
                Account = db.Accounts.IgnoreQueryFilters().Where(a => a.Id == r.AccountId).Select(a => a.Name).First(),
                r.Company, r.CompanyDomain, r.PersonName, r.PersonEmail, r.Status, r.CreatedAt, r.OpportunityId,
                Closed = r.Opportunity != null && r.Opportunity.IsClosed, Won = r.Opportunity != null && r.Opportunity.IsWon,
                Amount = r.Opportunity != null ? r.Opportunity.Amount : (decimal?)null,
            })
            .ToListAsync(ct);
        return new Paged<ReferralSummary>([.. rows.Select(r =>
        {
            var status = ReferralStages.Outcome(r.Status, r.OpportunityId is not null, r.Closed, r.Won);
            return new ReferralSummary(r.Id, r.ReferredById, r.ReferredBy, r.AccountId, r.Account, r.Company, r.CompanyDomain, r.PersonName,
                r.PersonEmail, status.ToString(), r.CreatedAt, r.OpportunityId, status == ReferralStatus.Won ? r.Amount : null);
        })], total, page.PageNumber, page.Size);
    }

    /// <summary>Names a status that is not one, so a typo is not silently an empty list.</summary>
    public static void Validate(ReferralFilter filter, ValidationErrors errors) => EnumText.Optional<ReferralStatus>(filter.Status, "status", errors);

    public async Task<ReferralDetails?> FindAsync(Guid id, CancellationToken ct)
    {
        var r = await db.Set<Referral>().AsNoTracking().Include(r => r.ReferredBy).Include(r => r.Opportunity).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (r is null)
        {
            return null;
        }
        var account = await db.Accounts.IgnoreQueryFilters().Where(a => a.Id == r.AccountId).Select(a => a.Name).SingleAsync(ct);
        var also = await db.Set<MergedReferral>().AsNoTracking().Where(m => m.ReferralId == id).OrderBy(m => m.At).ThenBy(m => m.Id)
            .Select(m => new AlsoReferredBy(m.ReferredById, m.ReferredBy!.FirstName + " " + m.ReferredBy.LastName, m.At, m.Note))
            .ToListAsync(ct);
        var history = await db.Set<ReferralMove>().AsNoTracking().Where(m => m.ReferralId == id).OrderBy(m => m.At).ThenBy(m => m.Id)
            .Select(m => new { m.From, m.To, m.At }).ToListAsync(ct);
        var deal = r.Opportunity;
        var status = ReferralStages.Outcome(r.Status, deal is not null, deal?.IsClosed == true, deal?.IsWon == true);
        return new ReferralDetails(
            r.Id, r.ReferredById, r.ReferredBy!.FullName, r.AccountId, account, r.Company, r.CompanyDomain, r.PersonName, r.PersonTitle, r.PersonEmail,
            r.Note, status.ToString(), [.. ReferralStages.MovesFrom(status).Select(s => s.ToString())], r.CreatedAt, history.Count == 0 ? r.CreatedAt : history[^1].At,
            r.OpportunityId, deal?.Name, deal?.Amount, status == ReferralStatus.Won ? deal!.Amount : null, also,
            [.. history.Select(m => new ReferralMoveResponse(m.From.ToString(), m.To.ToString(), m.At))], r.Version);
    }

    /// <summary>What the referrals credited to one advocate came to.</summary>
    public Task<ReferralStats> OfAdvocateAsync(Guid contactId, CancellationToken ct) =>
        StatsAsync(db.Set<Referral>().Where(r => r.ReferredById == contactId), ct);

    /// <summary>What the referrals of an account's advocates came to.</summary>
    public Task<ReferralStats> OfAccountAsync(Guid accountId, CancellationToken ct) =>
        StatsAsync(db.Set<Referral>().Where(r => r.AccountId == accountId), ct);

    /// <summary>
    /// The program's referrals in one pass: each referral as a narrow row with its deal's outcome, added up here into the
    /// totals, the counts per status and the top referrers (grouped in SQL instead, the sort cost more than the rows),
    /// then the top referrers' names.
    /// </summary>
    public async Task<ReferralReport> ReportAsync(CancellationToken ct)
    {
        var rows = await Outcomes(db.Set<Referral>()).ToListAsync(ct);
        var byStatus = rows.GroupBy(r => ReferralStages.Outcome(r.Status, r.HasDeal, r.Closed, r.Won)).ToDictionary(g => g.Key, g => g.Count());
        var totals = Stats(rows.Count, byStatus.GetValueOrDefault(ReferralStatus.Won), rows.Sum(r => r.WonAmount));

        var top = rows.GroupBy(r => r.ReferredById)
            .Select(g => new { ContactId = g.Key, Referrals = g.Count(), Won = g.Count(r => r.HasDeal && r.Closed && r.Won), Revenue = g.Sum(r => r.WonAmount) })
            .Where(g => g.Won > 0)
            .OrderByDescending(g => g.Revenue).ThenBy(g => g.ContactId).Take(TopReferrersShown)
            .ToList();
        var ids = top.Select(t => t.ContactId).ToList();
        var names = await db.Contacts.IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, Name = c.FirstName + " " + c.LastName, c.AccountId, Account = c.Account!.Name })
            .ToDictionaryAsync(c => c.Id, ct);
        return new ReferralReport(
            totals,
            [.. Enum.GetValues<ReferralStatus>().Select(s => new ReferralStatusCount(s.ToString(), byStatus.GetValueOrDefault(s)))],
            [.. top.Where(t => names.ContainsKey(t.ContactId)).Select(t =>
            {
                var c = names[t.ContactId];
                return new TopReferrer(t.ContactId, c.Name, c.AccountId, c.Account, t.Referrals, t.Won, Money(t.Revenue));
            })]);
    }

    private async Task<ReferralStats> StatsAsync(IQueryable<Referral> referrals, CancellationToken ct)
    {
        var sums = await Outcomes(referrals)
            .GroupBy(x => 1)
            .Select(g => new { Count = g.Count(), Won = g.Count(x => x.HasDeal && x.Closed && x.Won), Revenue = g.Sum(x => x.WonAmount) })
            .SingleOrDefaultAsync(ct);
        return sums is null ? Stats(0, 0, 0) : Stats(sums.Count, sums.Won, sums.Revenue);
    }

    /// <summary>
    /// Each referral with its deal's outcome, by a left join on the deal. Amounts are summed as doubles, because SQLite
    /// cannot sum decimals, and rounded back to cents.
    /// </summary>
    private IQueryable<Outcome> Outcomes(IQueryable<Referral> referrals) =>
        from r in referrals
        join o in db.Opportunities.IgnoreQueryFilters() on r.OpportunityId equals o.Id into deals
        from o in deals.DefaultIfEmpty()
        select new Outcome
        {
            ReferredById = r.ReferredById,
            Status = r.Status,
            HasDeal = o != null,
            Closed = o != null && o.IsClosed,
            Won = o != null && o.IsWon,
            WonAmount = o != null && o.IsClosed && o.IsWon ? (double)o.Amount : 0.0,
        };

    private sealed class Outcome
    {
        public Guid ReferredById { get; init; }
        public ReferralStatus Status { get; init; }
        public bool HasDeal { get; init; }
        public bool Closed { get; init; }
        public bool Won { get; init; }
        public double WonAmount { get; init; }
    }

    private static ReferralStats Stats(int count, int won, double revenue) =>
        new(count, won, count == 0 ? null : Math.Round((double)won / count, 4), Money(revenue));

    private static decimal Money(double amount) => Math.Round((decimal)amount, 2);
}
