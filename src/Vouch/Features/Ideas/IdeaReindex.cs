using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Ideas.Ranking;

namespace Vouch.Features.Ideas;

/// <summary>How far a reindex has come: ideas done of all, and how many of them had anything that changed.</summary>
public sealed record ReindexProgress(int Done, int Total, int Changed);

/// <summary>
/// Rebuilds what every idea derives from its text and its votes: the search terms, the hot score, and the demand
/// overall and per facet. Run it after the similarity engine changed (new synonyms, a new stemmer) or after
/// <c>Ideas:HalfLifeDays</c> changed, since both change what is stored; on data that is already current it changes
/// nothing.
/// </summary>
/// <remarks>
/// Ideas are done in batches, one transaction each, in id order, so a reindex can be stopped and run again. The tallies
/// are written with one UPDATE per changed idea rather than through the change tracker: they are derived from the votes
/// (which are audited), so rebuilding them is not a change anyone made, and a million audit entries would bury the
/// ones that matter. Votes cast while a batch is rebuilt wait for its transaction; a vote cast between batches is
/// counted either way.
/// </remarks>
public sealed class IdeaReindex(VouchDbContext db, HotScore hot, IdeaBoardTotals totals)
{
    public const int DefaultBatchSize = 500;

    public async Task<ReindexProgress> RunAsync(int batchSize = DefaultBatchSize, Action<ReindexProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var total = await db.Ideas.CountAsync(ct);
        var done = 0;
        var changed = 0;
        Guid? last = null;
        while (true)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var batch = await db.Ideas.AsNoTracking()
                .Where(i => last == null || i.Id.CompareTo(last.Value) > 0)
                .OrderBy(i => i.Id).Take(batchSize)
                .Select(i => new { i.Id, i.Title, i.Description, i.HotScore, i.VoteCount, i.VoterAccounts, i.ValueRevenue, i.ValueGrossProfit })
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }
            var ids = batch.Select(i => i.Id).ToList();
            var votes = (await db.IdeaVotes.AsNoTracking().Where(v => ids.Contains(v.IdeaId))
                    .Select(v => new { v.IdeaId, v.At, v.AccountId }).ToListAsync(ct))
                .ToLookup(v => v.IdeaId);
            var accountIds = votes.SelectMany(g => g).Where(v => v.AccountId != null).Select(v => v.AccountId!.Value).Distinct().ToList();
            var accounts = (await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id))
                    .Select(a => new { a.Id, a.AnnualRevenue, a.GrossProfit, a.Segment, a.IndustryId })
                    .ToListAsync(ct))
                .ToDictionary(a => a.Id, a => new AccountValue(a.Id, (double)(a.AnnualRevenue ?? 0), (double)(a.GrossProfit ?? 0), a.Segment, a.IndustryId));
            var demands = (await db.IdeaDemands.AsNoTracking().Where(d => ids.Contains(d.IdeaId)).ToListAsync(ct)).ToLookup(d => d.IdeaId);
            var terms = (await db.IdeaTerms.AsNoTracking().Where(t => ids.Contains(t.IdeaId)).ToListAsync(ct)).ToLookup(t => t.IdeaId);

            foreach (var idea in batch)
            {
                var ideaVotes = votes[idea.Id].OrderBy(v => v.At).ToList();
                var score = hot.Of(ideaVotes.Select(v => v.At));
                var (overall, byFacet) = DemandFacets.Tally(ideaVotes.Select(v => v.AccountId), accounts);
                var wantedTerms = IdeaTerm.For(new Idea { Id = idea.Id, Title = idea.Title, Description = idea.Description })
                    .Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
                var ideaChanged = false;

                if (!Same(score, idea.HotScore) || !Same(overall, new Demand(idea.VoteCount, idea.VoterAccounts, idea.ValueRevenue, idea.ValueGrossProfit)))
                {
                    await db.Ideas.Where(i => i.Id == idea.Id).ExecuteUpdateAsync(s => s
                        .SetProperty(i => i.HotScore, score)
                        .SetProperty(i => i.VoteCount, overall.Voters)
                        .SetProperty(i => i.VoterAccounts, overall.Accounts)
                        .SetProperty(i => i.ValueRevenue, overall.Revenue)
                        .SetProperty(i => i.ValueGrossProfit, overall.GrossProfit), ct);
                    ideaChanged = true;
                }

                var storedDemands = demands[idea.Id].ToDictionary(d => d.Facet, d => d.Demand, StringComparer.Ordinal);
                if (storedDemands.Count != byFacet.Count || byFacet.Any(f => !storedDemands.TryGetValue(f.Key, out var stored) || !Same(stored, f.Value)))
                {
                    await db.IdeaDemands.Where(d => d.IdeaId == idea.Id).ExecuteDeleteAsync(ct);
                    db.IdeaDemands.AddRange(byFacet.Select(f => new IdeaDemand { IdeaId = idea.Id, Facet = f.Key, Demand = f.Value }));
                    ideaChanged = true;
                }

                var storedTerms = terms[idea.Id].Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
                if (!storedTerms.SetEquals(wantedTerms))
                {
                    await db.IdeaTerms.Where(t => t.IdeaId == idea.Id).ExecuteDeleteAsync(ct);
                    db.IdeaTerms.AddRange(wantedTerms.Select(term => new IdeaTerm { Term = term, IdeaId = idea.Id }));
                    ideaChanged = true;
                }
                changed += ideaChanged ? 1 : 0;
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            done += batch.Count;
            last = batch[^1].Id;
            progress?.Invoke(new ReindexProgress(done, Math.Max(total, done), changed));
        }
        totals.IdeasChanged();
        totals.VotesChanged();
        return new ReindexProgress(done, Math.Max(total, done), changed);
    }

    /// <summary>Sums of doubles added in another order differ in the last bits; that is not a change.</summary>
    private static bool Same(double a, double b) => a == b || Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a));

    private static bool Same(Demand a, Demand b) =>
        a.Voters == b.Voters && a.Accounts == b.Accounts && Same(a.Revenue, b.Revenue) && Same(a.GrossProfit, b.GrossProfit);
}
