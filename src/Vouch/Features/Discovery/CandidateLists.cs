using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Web;

namespace Vouch.Features.Discovery;

/// <summary>
/// Reads the candidate lists a page at a time from the stored scores (<see cref="CandidateScore"/>), in the order of
/// their indexes, and explains the score of the page's rows with the engine. A long list's total is counted at most
/// every <see cref="TotalSeconds"/> seconds per list and filter, as counting 880,000 candidates costs more than reading
/// the page; a short list's total is counted every time, so it is exact.
/// </summary>
public sealed class CandidateLists(VouchDbContext db, IOptions<DiscoveryOptions> options, TimeProvider clock, IMemoryCache cache)
{
    public const int TotalSeconds = 30;
    public const int CachedFrom = 10_000;

    public DiscoveryOptions Options => options.Value;

    public async Task<CommandResult<Paged<CandidateResponse>>> ListAsync(PageQuery page, CandidateFilter filter, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        page.Validate(errors);
        var list = EnumText.Optional<CandidateList>(filter.List, "list", errors) ?? CandidateList.Top;
        var segment = EnumText.Optional<Segment>(filter.Segment, "segment", errors);
        Guid? industryId = null;
        if (!string.IsNullOrWhiteSpace(filter.Industry))
        {
            var key = Keys.FromName(filter.Industry);
            industryId = await db.Industries.Where(i => i.Key == key).Select(i => (Guid?)i.Id).SingleOrDefaultAsync(ct);
            if (industryId is null)
            {
                errors.Add("industry", $"'{filter.Industry}' is not an industry; GET /api/v1/industries lists them.");
            }
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }

        var scores = db.Set<CandidateScore>().AsNoTracking();
        if (segment is { } s)
        {
            scores = scores.Where(c => c.Segment == s);
        }
        if (industryId is { } industry)
        {
            scores = scores.Where(c => c.IndustryId == industry);
        }
        // Compared with a parameter, not read as a bare condition, so that SQLite walks the list's index in its order.
        var (total, ids) = list switch
        {
            CandidateList.Top => await ByScoreAsync(scores.Where(c => c.IsCandidate == EF.Parameter(true)), page, ct),
            CandidateList.PromotersNeverAsked => await ByScoreAsync(scores.Where(c => c.PromoterNeverAsked == EF.Parameter(true)), page, ct),
            _ => await QuietAsync(scores.Where(c => c.IsAdvocate == EF.Parameter(true)), page, ct),
        };
        var totalKey = (typeof(CandidateLists), list, segment, industryId, QuietSince);
        if (!cache.TryGetValue(totalKey, out int cached))
        {
            cached = await total();
            if (cached >= CachedFrom)
            {
                cache.Set(totalKey, cached, TimeSpan.FromSeconds(TotalSeconds));
            }
        }
        return new Paged<CandidateResponse>(await DescribeAsync(ids, ct), cached, page.PageNumber, page.Size);
    }

    /// <summary>The day before which an advocate's last engagement means they went quiet.</summary>
    public DateOnly QuietSince => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-Options.QuietAfterDays);

    private static async Task<(Func<Task<int>> Total, List<Guid> Ids)> ByScoreAsync(IQueryable<CandidateScore> scores, PageQuery page, CancellationToken ct) =>
        (() => scores.CountAsync(ct),
            await scores.OrderByDescending(c => c.Total).ThenByDescending(c => c.ContactId).Skip(page.Skip).Take(page.Size)
                .Select(c => c.ContactId).ToListAsync(ct));

    /// <summary>
    /// Advocates quiet the longest first (the oldest last engagement), then those never engaged at all: two index
    /// ranges read one after the other, as NULLs sort differently on SQLite and PostgreSQL.
    /// </summary>
    private async Task<(Func<Task<int>> Total, List<Guid> Ids)> QuietAsync(IQueryable<CandidateScore> advocates, PageQuery page, CancellationToken ct)
    {
        var since = QuietSince;
        var quiet = advocates.Where(c => c.LastEngagedOn != null && c.LastEngagedOn < since);
        var never = advocates.Where(c => c.LastEngagedOn == null);
        var quietCount = await quiet.CountAsync(ct);
        var ids = new List<Guid>();
        if (page.Skip < quietCount)
        {
            ids.AddRange(await quiet.OrderBy(c => c.LastEngagedOn).ThenBy(c => c.ContactId).Skip(page.Skip).Take(page.Size)
                .Select(c => c.ContactId).ToListAsync(ct));
        }
        if (ids.Count < page.Size)
        {
            ids.AddRange(await never.OrderBy(c => c.ContactId).Skip(Math.Max(0, page.Skip - quietCount)).Take(page.Size - ids.Count)
                .Select(c => c.ContactId).ToListAsync(ct));
        }
        return (async () => quietCount + await never.CountAsync(ct), ids);
    }

    /// <summary>The rows of a page, in its order, each score explained by its parts.</summary>
    public async Task<IReadOnlyList<CandidateResponse>> DescribeAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var rows = await db.Set<CandidateScore>().AsNoTracking().Where(s => ids.Contains(s.ContactId))
            .Join(db.Contacts.AsNoTracking(), s => s.ContactId, c => c.Id, (s, c) => new
            {
                Score = s,
                Contact = c,
                Account = c.Account!.Name,
                Industry = c.Account.Industry == null ? null : c.Account.Industry.Name,
            })
            .ToListAsync(ct);
        var nominations = await db.Set<Nomination>().AsNoTracking()
            .Where(n => ids.Contains(n.ContactId) && n.State != NominationState.Declined)
            .Select(n => new { n.ContactId, n.State })
            .ToListAsync(ct);
        var nominationOf = nominations.GroupBy(n => n.ContactId)
            .ToDictionary(g => g.Key, g => g.Any(n => n.State == NominationState.Proposed) ? "Nominated" : "Recruiting");
        var byId = rows.ToDictionary(r => r.Contact.Id);
        return [.. ids.Where(byId.ContainsKey).Select(id =>
        {
            var (score, contact) = (byId[id].Score, byId[id].Contact);
            var parts = DiscoveryScore.Of(CandidateScoring.FactsOf(contact, score.ProfitPercentile, score.LatestNps)).Parts;
            return new CandidateResponse(
                contact.Id, contact.FullName, contact.Title, contact.AccountId, byId[id].Account, score.Segment?.ToString(), byId[id].Industry,
                contact.AdvocacyStage.ToString(), score.Total, [.. parts.Select(p => new ScorePartResponse(p.Factor.ToString(), p.Points, p.Words))],
                score.LatestNps, score.LastEngagedOn, nominationOf.GetValueOrDefault(id));
        })];
    }
}
