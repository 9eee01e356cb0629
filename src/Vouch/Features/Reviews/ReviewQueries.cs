using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Matching;
using Vouch.Features.Requests;
using Vouch.Web;

namespace Vouch.Features.Reviews;

/// <summary>Reading campaigns, their progress and invitations, and who a campaign may invite now.</summary>
public sealed class ReviewQueries(VouchDbContext db, CompanyDomains companyDomains, CandidatePool pool, IOptions<RequestOptions> requestOptions, Ledger ledger)
{
    public const string ActivityKey = "review-site-review";

    /// <summary>How many advocates who agreed to reviews are read to find the eligible ones.</summary>
    public const int CandidatesRead = 500;
    public const int DefaultEligibleShown = 20;
    public const int MaxEligibleShown = 100;

    public DateOnly Today => ledger.Today;

    public async Task<Paged<ReviewCampaignResponse>> ListAsync(PageQuery page, CancellationToken ct)
    {
        var campaigns = db.Set<ReviewCampaign>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(page.Q))
        {
            var text = page.Q.Trim().ToLowerInvariant();
            campaigns = campaigns.Where(c => c.Name.ToLower().Contains(text) || (c.SiteName != null && c.SiteName.ToLower().Contains(text)));
        }
        var total = await campaigns.CountAsync(ct);
        var shown = await campaigns.OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        var progress = await ProgressAsync([.. shown.Select(c => c.Id)], ct);
        return new([.. shown.Select(c => Response(c, progress.GetValueOrDefault(c.Id)))], total, page.PageNumber, page.Size);
    }

    public async Task<ReviewCampaignResponse?> FindAsync(Guid id, CancellationToken ct)
    {
        var campaign = await db.Set<ReviewCampaign>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        return campaign is null ? null : Response(campaign, (await ProgressAsync([id], ct)).GetValueOrDefault(id));
    }

    /// <summary>A campaign's invitations, newest first; null when there is no such campaign.</summary>
    public async Task<IReadOnlyList<InvitationResponse>?> InvitationsAsync(Guid campaignId, CancellationToken ct) =>
        await db.Set<ReviewCampaign>().AnyAsync(c => c.Id == campaignId, ct)
            ? await Invitations(db.Set<ReviewInvitation>().Where(i => i.CampaignId == campaignId)).ToListAsync(ct)
            : null;

    public Task<InvitationResponse> InvitationAsync(Guid id, CancellationToken ct) =>
        Invitations(db.Set<ReviewInvitation>().Where(i => i.Id == id)).SingleAsync(ct);

    /// <summary>A contact's review invitations, newest first.</summary>
    public async Task<IReadOnlyList<InvitationResponse>> InvitationsOfAsync(Guid contactId, CancellationToken ct) =>
        await Invitations(db.Set<ReviewInvitation>().Where(i => i.ContactId == contactId)).ToListAsync(ct);

    /// <summary>
    /// The advocates the campaign may invite today, at most <paramref name="top"/>: those who agreed to review-site
    /// reviews, pass the site's and the campaign's rules, and whose limits allow an ask now.
    /// </summary>
    public async Task<CommandResult<EligibleReviewer[]>> EligibleAsync(Guid campaignId, int? top, CancellationToken ct)
    {
        var shown = top ?? DefaultEligibleShown;
        if (shown is < 1 or > MaxEligibleShown)
        {
            return Refusal.Invalid("top", $"top must be between 1 and {MaxEligibleShown}.");
        }
        var campaign = await db.Set<ReviewCampaign>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null)
        {
            return Refusal.NotFound("The review campaign");
        }
        var today = Today;
        if (campaign.EndsOn < today)
        {
            return Array.Empty<EligibleReviewer>();
        }
        var contacts = db.Contacts.AsNoTracking()
            .Where(c => c.Consent != ConsentLevel.None && c.AgreedActivities.Any(a => a.Key == ActivityKey))
            .Where(c => !db.Set<ReviewInvitation>().Any(i => i.CampaignId == campaignId && i.ContactId == c.Id && i.State != InvitationState.Withdrawn))
            .Where(c => !db.Set<EmployeeRelative>().Any(r => r.ContactId == c.Id));
        if (campaign.Kind == CampaignKind.Refresh)
        {
            contacts = contacts.Where(c => ReviewsOnSite(campaign).Any(i => i.ContactId == c.Id));
        }
        var candidates = await contacts
            .OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id)
            .Take(CandidatesRead)
            .Select(c => new
            {
                c.Id, c.FirstName, c.LastName, c.Email, c.Consent, c.ConsentExpiresOn, c.MaxAsksPerQuarter, c.AdvocacyStage, c.AccountId,
                Account = c.Account!.Name, c.Account.ContractDate,
                Blackouts = c.Blackouts.Select(b => new BlackoutDates(b.Starts, b.Ends)).ToList(),
            })
            .ToListAsync(ct);
        var ids = candidates.Select(c => c.Id).ToList();
        var lastReviews = await LastReviewsAsync(campaign, ids, ct);
        var domains = await companyDomains.ReadAsync(ct);
        var facts = Facts(campaign, today);
        var activity = await db.ActivityTypes.AsNoTracking().SingleAsync(a => a.Key == ActivityKey, ct);
        var passing = candidates
            .Where(c => ReviewEligibility.Check(facts, new ReviewerFacts(
                $"{c.FirstName} {c.LastName}", c.Email, null, c.Consent, c.ConsentExpiresOn, true, lastReviews.GetValueOrDefault(c.Id)), domains).Count == 0)
            .Select(c => (Row: c, Candidate: new MatchCandidate(
                c.Id, new CandidateAccount(c.AccountId, null, [], null, null, null, [], c.ContractDate), c.Consent, c.ConsentExpiresOn,
                [activity.Id], c.MaxAsksPerQuarter, c.Blackouts, SocialCapital.None, null)))
            .ToList();
        // The same rules as the ask itself, so a suggested advocate is not refused on inviting.
        var past = await pool.LedgerAsync([.. passing.Select(p => p.Candidate)], today, ct);
        var criteria = new MatchCriteria(CandidatePool.ActivityOf(activity), today);
        var policy = requestOptions.Value.PolicyOn(today);
        return passing
            .Where(p => AskRules.Check(criteria, p.Candidate, past, policy).Count == 0)
            .Take(shown)
            .Select(p => new EligibleReviewer(p.Row.Id, $"{p.Row.FirstName} {p.Row.LastName}", p.Row.Account, p.Row.AdvocacyStage.ToString(),
                lastReviews.GetValueOrDefault(p.Row.Id)))
            .ToArray();
    }

    /// <summary>The contacts as the eligibility rules read them for <paramref name="campaign"/>; a contact not there is missing.</summary>
    public async Task<Dictionary<Guid, ReviewerFacts>> ReviewersAsync(ReviewCampaign campaign, IReadOnlyList<Guid> contactIds, CancellationToken ct)
    {
        var contacts = await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id))
            .Select(c => new
            {
                c.Id, c.FirstName, c.LastName, c.Email, c.Consent, c.ConsentExpiresOn,
                Agreed = c.AgreedActivities.Any(a => a.Key == ActivityKey),
                Relation = db.Set<EmployeeRelative>().Where(r => r.ContactId == c.Id).Select(r => r.Relation).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var invited = await db.Set<ReviewInvitation>().AsNoTracking()
            .Where(i => i.CampaignId == campaign.Id && contactIds.Contains(i.ContactId))
            .Select(i => new { i.ContactId, i.InvitedAt, i.State })
            .ToDictionaryAsync(i => i.ContactId, ct);
        var lastReviews = await LastReviewsAsync(campaign, contactIds, ct);
        return contacts.ToDictionary(c => c.Id, c => new ReviewerFacts(
            $"{c.FirstName} {c.LastName}", c.Email, c.Relation, c.Consent, c.ConsentExpiresOn, c.Agreed, lastReviews.GetValueOrDefault(c.Id),
            invited.TryGetValue(c.Id, out var invitation) ? DateOnly.FromDateTime(invitation.InvitedAt.UtcDateTime) : null,
            invited.TryGetValue(c.Id, out var again) ? again.State : null));
    }

    public static ReviewCampaignFacts Facts(ReviewCampaign campaign, DateOnly today) =>
        new(campaign.SiteLabel, campaign.Kind, campaign.RefreshAfterMonths, today);

    /// <summary>Each contact's last review on the campaign's site, in any campaign.</summary>
    private async Task<Dictionary<Guid, DateOnly?>> LastReviewsAsync(ReviewCampaign campaign, IReadOnlyList<Guid> contactIds, CancellationToken ct)
    {
        var reviews = await ReviewsOnSite(campaign).Where(i => contactIds.Contains(i.ContactId))
            .Select(i => new { i.ContactId, i.ReviewedAt }).ToListAsync(ct);
        return reviews.GroupBy(r => r.ContactId)
            .ToDictionary(g => g.Key, g => (DateOnly?)DateOnly.FromDateTime(g.Max(r => r.ReviewedAt!.Value).UtcDateTime));
    }

    /// <summary>Reviews written on the campaign's site (another site named "Other" is matched by its name).</summary>
    private IQueryable<ReviewInvitation> ReviewsOnSite(ReviewCampaign campaign)
    {
        var site = campaign.Site;
        var siteName = campaign.SiteName?.ToLowerInvariant();
        return db.Set<ReviewInvitation>().AsNoTracking()
            .Where(i => i.ReviewedAt != null && (i.State == InvitationState.Reviewed || i.State == InvitationState.Verified))
            .Where(i => i.Campaign!.Site == site && (site != ReviewSite.Other || i.Campaign.SiteName!.ToLower() == siteName));
    }

    private async Task<Dictionary<Guid, CampaignProgress>> ProgressAsync(IReadOnlyList<Guid> campaignIds, CancellationToken ct)
    {
        var counts = await db.Set<ReviewInvitation>().AsNoTracking()
            .Where(i => campaignIds.Contains(i.CampaignId) && i.State != InvitationState.Withdrawn)
            .GroupBy(i => new { i.CampaignId, i.State })
            .Select(g => new { g.Key.CampaignId, g.Key.State, Count = g.Count() })
            .ToListAsync(ct);
        return counts.GroupBy(c => c.CampaignId).ToDictionary(g => g.Key, g => new CampaignProgress(
            g.Sum(c => c.Count),
            g.Where(c => c.State is InvitationState.Reviewed or InvitationState.Verified).Sum(c => c.Count),
            g.Where(c => c.State == InvitationState.Verified).Sum(c => c.Count),
            0));
    }

    private ReviewCampaignResponse Response(ReviewCampaign c, CampaignProgress? progress) => new(
        c.Id, c.Name, c.Site.ToString(), c.SiteName, c.SiteLabel, c.StartsOn, c.EndsOn, c.TargetCount, c.Kind.ToString(), c.RefreshAfterMonths,
        c.Incentive, c.IncentiveDisclosure, StateOn(c, Today),
        (progress ?? new CampaignProgress(0, 0, 0, 0)) with { Target = c.TargetCount }, c.Version);

    /// <summary>Upcoming before its first day, Running until its last, then Ended.</summary>
    public static string StateOn(ReviewCampaign c, DateOnly today) =>
        today < c.StartsOn ? "Upcoming" : today > c.EndsOn ? "Ended" : "Running";

    private static IQueryable<InvitationResponse> Invitations(IQueryable<ReviewInvitation> invitations) => invitations.AsNoTracking()
        .OrderByDescending(i => i.InvitedAt).ThenBy(i => i.Id)
        .Select(i => new InvitationResponse(
            i.Id, i.CampaignId, i.Campaign!.Name, i.ContactId, i.Contact!.FirstName + " " + i.Contact.LastName, i.Contact.Account!.Name,
            i.State.ToString(), i.InvitedAt, i.RemindedAt, i.ReviewedAt, i.ReviewUrl, i.VerifiedAt, i.VerifiedBy, i.EngagementId));
}
