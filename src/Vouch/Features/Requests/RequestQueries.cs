using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vouch.Data;
using Vouch.Features.AccountReviews;
using Vouch.Features.ActivityTypes;
using Vouch.Features.Engagements;
using Vouch.Features.Matching;
using Vouch.Features.Meaning;
using Vouch.Web;

namespace Vouch.Features.Requests;

/// <summary>Which requests a list shows.</summary>
public enum RequestView { Mine, Waiting, All }

/// <summary>Reads requests as each actor may see them; someone else's request is not there.</summary>
public sealed class RequestQueries(
    VouchDbContext db, CandidatePool pool, AdvocateSnapshot advocates, IEnumerable<IAlternativesSource> alternatives, IOptions<RequestOptions> options, TimeProvider clock,
    Ledger balances, AccountHolds holds, UseCaseMeaning meaning)
{
    /// <summary>Fewer good candidates than this, and alternatives to a call are offered.</summary>
    public const int GoodCandidates = 3;

    /// <summary>A candidate scoring this or more is a good one.</summary>
    public const int GoodScore = 50;

    /// <summary>The matches list at most this many allowed and this many excluded contacts.</summary>
    public const int MaxShown = 50;

    /// <summary>The best-fitting contacts the advocate pool allows, judged against the ledger as it is.</summary>
    public const int Shortlisted = 150;

    public async Task<Paged<RequestSummary>> ListAsync(RequestActor actor, RequestView view, PageQuery page, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var requests = db.ReferenceRequests.AsNoTracking();
        requests = view switch
        {
            RequestView.All => actor.Listed(requests),
            RequestView.Waiting => requests.Where(WaitingFor(actor)),
            _ => requests.Where(r => r.RequesterId == actor.UserId),
        };
        var total = await requests.CountAsync(ct);
        var rows = await requests
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Skip(page.Skip).Take(page.Size)
            .Include(r => r.ActivityType).Include(r => r.Opportunity).Include(r => r.Requester)
            .Include(r => r.Contact!).ThenInclude(c => c.Account)
            .ToListAsync(ct);
        return new Paged<RequestSummary>([.. rows.Select(r => new RequestSummary(
            r.Id, r.Status.ToString(), r.ActivityType!.Key, r.ActivityType.Name, r.NeededBy, r.OpportunityId, r.Opportunity?.Name,
            r.Requester!.DisplayName, r.ContactId, r.Contact?.FullName, r.Contact?.Account?.Name, r.CreatedAt, r.StepDueAt,
            r.StepDueAt < now, WaitingOn.Describe(r)))], total, page.PageNumber, page.Size);
    }

    /// <summary>The request a step of the actor's has just made or moved, which they see since they took it.</summary>
    public async Task<RequestResponse> GetAsync(RequestActor actor, Guid id, CancellationToken ct) =>
        await FindAsync(actor, id, ct) ?? throw new InvalidOperationException($"The request {id} is not there for the one who just moved it.");

    public async Task<RequestResponse?> FindAsync(RequestActor actor, Guid id, CancellationToken ct)
    {
        var request = await db.ReferenceRequests.AsNoTracking().AsSplitQuery()
            .Include(r => r.ActivityType).Include(r => r.Opportunity).Include(r => r.Requester).Include(r => r.Products)
            .Include(r => r.Contact!).ThenInclude(c => c.Account)
            .Include(r => r.Transitions)
            .SingleOrDefaultAsync(r => r.Id == id, ct);
        if (request is null || !actor.Sees(request))
        {
            return null;
        }
        var industry = request.IndustryId is { } industryId ? await db.Industries.Where(i => i.Id == industryId).Select(i => i.Name).SingleOrDefaultAsync(ct) : null;
        var owner = request.AccountOwnerId is { } ownerId ? await db.Users.Where(u => u.Id == ownerId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) : null;
        return new RequestResponse(
            request.Id,
            request.Status.ToString(),
            request.ActivityType!.Key,
            request.ActivityType.Name,
            request.ActivityType.Fulfilment.ToString(),
            request.NeededBy,
            request.OpportunityId,
            request.Opportunity?.Name,
            request.RequesterId,
            request.Requester!.DisplayName,
            new CriteriaResponse(request.IndustryId, industry, [.. request.Products.Select(p => p.Id)], [.. request.Products.Select(p => p.Name).Order()],
                request.Region?.ToString(), request.CountryCode, request.Employees, request.Competitor),
            request.UseCase,
            request.ContactId,
            request.Contact?.FullName,
            request.Contact?.Account?.Name,
            request.AccountOwnerId,
            owner,
            request.CreatedAt,
            request.StepDueAt,
            request.SlaWarnedAt,
            request.EscalatedAt,
            request.ScheduledFor,
            request.ProposedTimes,
            request.DeclineReason,
            request.Happened,
            request.Rating,
            request.Helped,
            request.FeedbackNotes,
            WaitingOn.Describe(request),
            WaitingOn.Actions(request, actor),
            [.. request.Transitions.OrderBy(t => t.At).ThenBy(t => t.Id).Select(t => new TransitionResponse(t.From?.ToString(), t.To.ToString(), t.At, t.ByName, t.Note))],
            request.Version);
    }

    /// <summary>The advocates the rules allow, ranked and explained; those they rule out, with why; and alternatives when few fit.</summary>
    public async Task<MatchesResponse?> MatchesAsync(RequestActor actor, Guid id, CancellationToken ct)
    {
        var request = await db.ReferenceRequests.AsNoTracking().AsSplitQuery()
            .Include(r => r.ActivityType).Include(r => r.Products).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (request is null || !actor.Sees(request) || actor.IsAdvocate && !actor.ReadsAll)
        {
            return null;
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var criteria = CandidatePool.CriteriaOf(request) with { StoryMeaning = meaning.Of(request.UseCase, ct) };
        var policy = options.Value.PolicyOn(today);
        // Every referenceable contact is tried in memory; only the best-fitting few hundred, and the best-fitting
        // ruled out, are judged against the ledger as it is now.
        var shortlist = (await advocates.CurrentAsync(ct)).Select(criteria, policy, Shortlisted, MaxShown);
        var judged = shortlist.Allowed.Concat(shortlist.RuledOut).ToDictionary(a => a.Candidate.ContactId);
        var candidates = judged.Values.Select(a => a.Candidate).ToList();
        var ledger = await pool.LedgerAsync(candidates, today, ct);
        var result = await holds.ApplyAsync(Matcher.Match(criteria, candidates, ledger, policy), candidates, ct);
        var good = result.Candidates.Count(c => c.Score >= GoodScore);
        var shown = result.Candidates.Take(MaxShown).ToList();
        var owed = await balances.OwedAsync([.. shown.Select(c => c.ContactId)], ct);
        // The stories' fit is read for the shown few only: the pool in memory carries no more story than it scores.
        var shownIds = shown.Select(c => c.ContactId).ToList();
        var fits = await db.Contacts.AsNoTracking().Where(c => shownIds.Contains(c.Id) && (c.FitsWhere != null || c.NotAFitFor != null))
            .Select(c => new { c.Id, c.FitsWhere, c.NotAFitFor }).ToDictionaryAsync(c => c.Id, ct);
        return new MatchesResponse(
            [.. Matcher.NoteOwed(shown, owed).Select(c => judged[c.ContactId] is var a
                ? new CandidateResponse(c.ContactId, a.Name, a.Title, a.AccountName, c.Score, c.Reasons)
                {
                    FitsWhere = fits.GetValueOrDefault(c.ContactId)?.FitsWhere,
                    NotAFitFor = fits.GetValueOrDefault(c.ContactId)?.NotAFitFor,
                }
                : null!)],
            [.. result.Excluded.Take(MaxShown).Select(e => judged[e.ContactId] is var a
                ? new ExcludedResponse(e.ContactId, a.Name, a.AccountName, e.Reasons) : null!)],
            good < GoodCandidates ? await AlternativesAsync(request, ct) : []);
    }

    private async Task<IReadOnlyList<AlternativeResponse>> AlternativesAsync(ReferenceRequest request, CancellationToken ct)
    {
        var found = new List<AlternativeResponse>();
        foreach (var source in alternatives)
        {
            found.AddRange(await source.FindAsync(request, ct));
        }
        return found;
    }

    /// <summary>The requests whose current step is the actor's to take.</summary>
    private static Expression<Func<ReferenceRequest, bool>> WaitingFor(RequestActor actor)
    {
        var me = actor.UserId;
        if (actor.IsManager)
        {
            return r => r.Status == RequestStatus.Submitted
                || (r.EscalatedAt != null && r.Status != RequestStatus.FeedbackRecorded && r.Status != RequestStatus.Declined
                    && r.Status != RequestStatus.Cancelled && r.Status != RequestStatus.Expired)
                || (r.RequesterId == me && (r.Status == RequestStatus.Accepted || r.Status == RequestStatus.Scheduled || r.Status == RequestStatus.Completed));
        }
        return r => (r.Status == RequestStatus.CandidateProposed && r.AccountOwnerId == me)
            || (r.RequesterId == me && (r.Status == RequestStatus.Accepted || r.Status == RequestStatus.Scheduled || r.Status == RequestStatus.Completed
                || (r.Status == RequestStatus.Submitted && r.ActivityType!.Fulfilment == Fulfilment.SelfService)));
    }
}
